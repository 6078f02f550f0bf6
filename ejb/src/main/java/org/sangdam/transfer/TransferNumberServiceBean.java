package org.sangdam.transfer;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
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
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        tenants.find(tenantId).orElseThrow(() -> new NotFoundException("service", tenantId));
        Require.present("body", spec);
        String label = Require.text("label", spec.label(), 64);
        String number = TransferTargets.normalise("number", spec.number());
        if (numbers.exists(tenantId, number)) {
            throw new ConflictException("number", PhoneNumbers.display(number) + " is already in the list");
        }
        return TransferNumberInfo.of(numbers.add(new TransferNumber(tenantId, label, number)));
    }

    @Override
    public void remove(long tenantId, long id) {
        callers.of(context).requireTenant(tenantId, "transfer number", id);
        numbers.remove(numbers.find(id).filter(t -> t.getTenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("transfer number", id)));
    }
}
