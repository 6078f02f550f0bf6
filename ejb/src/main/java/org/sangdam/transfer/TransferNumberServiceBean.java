package org.sangdam.transfer;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
import org.sangdam.access.domain.Caller;
import org.sangdam.audit.AuditTrail;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.Require;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.transfer.domain.TransferTargets;
import org.sangdam.tenant.TenantRepository;

import java.util.List;

@Stateless
@Local(TransferNumberService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class TransferNumberServiceBean implements TransferNumberService {
    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    AuditTrail audit;
    @Inject
    TransferNumberRepository numbers;
    @Inject
    TenantRepository tenants;

    @Override
    public List<TransferNumberInfo> list(long tenantId) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        return numbers.ofTenant(tenantId).stream().map(TransferNumberInfo::of).toList();
    }

    @Override
    public TransferNumberInfo add(long tenantId, TransferNumberSpec spec) {
        Caller caller = callers.of(context);
        caller.requireTenant(tenantId, "service", tenantId);
        tenants.find(tenantId).orElseThrow(() -> new NotFoundException("service", tenantId));
        Require.present("body", spec);
        String label = Require.text("label", spec.label(), 64);
        String number = TransferTargets.normalise("number", spec.number());
        if (numbers.exists(tenantId, number)) {
            throw new ConflictException("number", PhoneNumbers.display(number) + " is already in the list");
        }
        TransferNumberInfo added = TransferNumberInfo.of(numbers.add(new TransferNumber(tenantId, label, number)));
        audit.record(caller, tenantId, "transferNumber.added", label, PhoneNumbers.display(number));
        return added;
    }

    @Override
    public void remove(long tenantId, long id) {
        Caller caller = callers.of(context);
        caller.requireTenant(tenantId, "transfer number", id);
        TransferNumber gone = numbers.find(id).filter(t -> t.getTenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("transfer number", id));
        numbers.remove(gone);
        audit.record(caller, tenantId, "transferNumber.removed", gone.getLabel(), PhoneNumbers.display(gone.getNumber()));
    }
}
