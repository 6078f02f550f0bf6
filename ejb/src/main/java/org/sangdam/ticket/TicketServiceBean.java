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
import org.sangdam.common.domain.Require;
import org.sangdam.common.domain.ValidationException;

import java.time.Instant;

import java.util.List;

@Stateless
@Local(TicketService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class TicketServiceBean implements TicketService {
    static final List<String> STATUSES = List.of("NEW", "OPEN", "PENDING", "SOLVED");

    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    TicketRepository tickets;
    @Inject
    org.sangdam.call.CallRepository calls;

    @Override
    public TicketInfo get(long id) {
        Caller caller = callers.of(context);
        Ticket t = tickets.find(id).orElseThrow(() -> new NotFoundException("ticket", id));
        caller.requireTenant(t.getTenantId(), "ticket", id);
        return info(t);
    }

    @Override
    public java.nio.file.Path recording(long id) {
        Caller caller = callers.of(context);
        Ticket t = tickets.find(id).orElseThrow(() -> new NotFoundException("ticket", id));
        caller.requireTenant(t.getTenantId(), "ticket", id);
        org.sangdam.call.PhoneCall call = calls.find(t.getCallId()).orElse(null);
        String name = call == null ? null : call.getRecordingFile();
        java.nio.file.Path file = name == null ? null : java.nio.file.Path.of(name);
        boolean written = file != null && java.nio.file.Files.isReadable(file);
        return switch (org.sangdam.call.domain.RecordingRules.availability(name != null, written,
                call == null ? null : call.getEndedAt(), Instant.now())) {
            case READY -> file;
            case NOT_READY -> throw new org.sangdam.common.domain.ConflictException("recording",
                    "the recording of ticket " + id + " is not ready yet: it is written when the call has ended; try again in a few seconds");
            case NONE -> throw new NotFoundException("recording of ticket", id);
        };
    }

    @Override
    public List<TicketInfo> recent(long serviceId) {
        callers.of(context).requireTenant(serviceId, "service", serviceId);
        return tickets.ofTenant(serviceId, 100).stream().map(this::info).toList();
    }

    @Override
    public TicketInfo update(long id, TicketUpdate update) {
        Caller caller = callers.of(context);
        Ticket t = tickets.find(id).orElseThrow(() -> new NotFoundException("ticket", id));
        caller.requireTenant(t.getTenantId(), "ticket", id);
        Require.present("body", update);
        String status = Require.text("status", update.status(), 16);
        if (!STATUSES.contains(status)) {
            throw new ValidationException("status", "status must be one of " + STATUSES);
        }
        String category = Require.optionalText("category", update.category(), 64);
        String note = Require.optionalText("note", update.note(), 4000);
        if (!status.equals(t.getStatus())) {
            tickets.record(id, "STATUS_CHANGED", t.getStatus() + " -> " + status, caller.username(), Instant.now());
        }
        t.work(status, category, note);
        return info(t);
    }

    @Override
    public List<TicketInfo> ofCustomer(String customerNumber, int max) {
        Caller caller = callers.of(context);
        if (caller.tenantId() == null || customerNumber == null || customerNumber.isBlank()) {
            return List.of();
        }
        return tickets.ofCustomer(caller.tenantId(), customerNumber, Math.max(1, Math.min(max, 20))).stream().map(this::info).toList();
    }

    /**
     * The ticket's timeline: how the call reached the agent (arrival, queue, offers,
     * recalls, answer or dial, from the call's own record, up to the connect that
     * created the ticket), then what happened on the ticket.
     */
    private TicketInfo info(Ticket t) {
        List<TicketInfo.Entry> events = new java.util.ArrayList<>();
        calls.events(t.getCallId()).stream().filter(e -> !e.getAt().isAfter(t.getCreatedAt()))
                .map(e -> new TicketInfo.Entry(e.getEvent(), e.getDetail(), null, e.getAt())).forEach(events::add);
        tickets.events(t.getId()).stream()
                .map(e -> new TicketInfo.Entry(e.getKind(), e.getDetail(), e.getActor(), e.getAt())).forEach(events::add);
        org.sangdam.call.PhoneCall call = calls.find(t.getCallId()).orElse(null);
        String recording = null;
        boolean ready = false;
        if (call != null && call.getRecordingFile() != null) {
            recording = "/api/tickets/" + t.getId() + "/recording";
            ready = org.sangdam.call.domain.RecordingRules.availability(true,
                    java.nio.file.Files.isReadable(java.nio.file.Path.of(call.getRecordingFile())), call.getEndedAt(), Instant.now())
                    == org.sangdam.call.domain.RecordingRules.Availability.READY;
            events.add(new TicketInfo.Entry("RECORDING", recording + (call.isRecordingKept() ? " (kept as evidence)" : ""),
                    null, call.getRecordingStartedAt()));
            events.sort(java.util.Comparator.comparing(TicketInfo.Entry::at, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        }
        return new TicketInfo(t.getId(), t.getTenantId(), t.getCallId(), t.getCustomerNumber(), t.getChannel(),
                t.getDirection(), t.getAgentId(), t.getStatus(), t.getCreatedAt(), t.getCategory(), t.getNote(), events, recording, ready);
    }
}
