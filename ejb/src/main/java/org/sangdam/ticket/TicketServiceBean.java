package org.sangdam.ticket;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
import org.sangdam.access.domain.Caller;
import org.sangdam.common.domain.NotFoundException;

import java.util.List;

@Stateless
@Local(TicketService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class TicketServiceBean implements TicketService {
    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    TicketRepository tickets;

    @Override
    public TicketInfo get(long id) {
        Caller caller = callers.of(context);
        Ticket t = tickets.find(id).orElseThrow(() -> new NotFoundException("ticket", id));
        caller.requireTenant(t.getTenantId(), "ticket", id);
        return info(t);
    }

    @Override
    public List<TicketInfo> recent(long serviceId) {
        callers.of(context).requireTenant(serviceId, "service", serviceId);
        return tickets.ofTenant(serviceId, 100).stream().map(this::info).toList();
    }

    @Override
    public List<TicketInfo> ofCustomer(String customerNumber, int max) {
        Caller caller = callers.of(context);
        if (caller.tenantId() == null || customerNumber == null || customerNumber.isBlank()) {
            return List.of();
        }
        return tickets.ofCustomer(caller.tenantId(), customerNumber, Math.max(1, Math.min(max, 20))).stream().map(this::info).toList();
    }

    private TicketInfo info(Ticket t) {
        List<TicketInfo.Entry> events = tickets.events(t.getId()).stream()
                .map(e -> new TicketInfo.Entry(e.getKind(), e.getDetail(), e.getActor(), e.getAt())).toList();
        return new TicketInfo(t.getId(), t.getTenantId(), t.getCallId(), t.getCustomerNumber(), t.getChannel(),
                t.getDirection(), t.getAgentId(), t.getStatus(), t.getCreatedAt(), events);
    }
}
