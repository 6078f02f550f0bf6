package org.sangdam.callerid;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
import org.sangdam.access.domain.Caller;
import org.sangdam.audit.AuditTrail;
import org.sangdam.callerid.domain.CallerIdAction;
import org.sangdam.callerid.domain.CallerIdStatus;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.Require;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.tenant.TenantRepository;

import java.util.List;

@Stateless
@Local(CallerIdService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class CallerIdServiceBean implements CallerIdService {
    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    AuditTrail audit;
    @Inject
    CallerIdRepository callerIds;
    @Inject
    TenantRepository tenants;

    @Override
    public List<CallerIdInfo> list(long tenantId) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        return callerIds.ofTenant(tenantId).stream().map(CallerIdInfo::of).toList();
    }

    @Override
    public List<CallerIdInfo> pending() {
        callers.of(context).requireSystemAdmin("review caller IDs");
        return callerIds.withStatus(CallerIdStatus.PENDING).stream().map(CallerIdInfo::of).toList();
    }

    @Override
    public CallerIdInfo register(long tenantId, CallerIdRequest request) {
        Caller caller = callers.of(context);
        caller.requireTenantAdmin(tenantId, "caller ID", "of service " + tenantId);
        tenants.find(tenantId).orElseThrow(() -> new NotFoundException("service", tenantId));
        Require.present("body", request);
        String number = PhoneNumbers.normalise("number", request.number());
        String note = Require.optionalText("note", request.note(), 500);
        if (!callerIds.activeWithNumber(number).isEmpty()) {
            throw new ConflictException("number", PhoneNumbers.display(number) + " is already registered (pending or approved)");
        }
        CallerIdInfo registered = CallerIdInfo.of(callerIds.add(new CallerId(tenantId, number, note, caller.username())));
        audit.record(caller, tenantId, "callerId.registered", PhoneNumbers.display(number), note);
        return registered;
    }

    @Override
    public CallerIdInfo approve(long tenantId, long id) {
        return decide(tenantId, id, CallerIdAction.APPROVE, null);
    }

    @Override
    public CallerIdInfo reject(long tenantId, long id, CallerIdRequest request) {
        String reason = Require.text("reason", request == null ? null : request.reason(), 500);
        return decide(tenantId, id, CallerIdAction.REJECT, reason);
    }

    @Override
    public CallerIdInfo revoke(long tenantId, long id, CallerIdRequest request) {
        return decide(tenantId, id, CallerIdAction.REVOKE, Require.optionalText("reason", request == null ? null : request.reason(), 500));
    }

    @Override
    public List<CallerIdInfo> dialable(long tenantId) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        return callerIds.ofTenant(tenantId).stream().filter(c -> c.getStatus().usableForDialing()).map(CallerIdInfo::of).toList();
    }

    private CallerIdInfo decide(long tenantId, long id, CallerIdAction action, String reason) {
        Caller caller = callers.of(context);
        caller.requireTenant(tenantId, "caller ID", id);
        caller.requireSystemAdmin("approve, reject or revoke caller IDs");
        CallerId callerId = callerIds.find(id).filter(c -> c.getTenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("caller ID", id));
        callerId.decide(action, caller.username(), reason);
        audit.record(caller, tenantId, "callerId." + action.name().toLowerCase(java.util.Locale.ROOT),
                PhoneNumbers.display(callerId.getNumber()), reason);
        return CallerIdInfo.of(callerId);
    }
}
