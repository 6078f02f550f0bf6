package org.sangdam.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.tenant.TenantRepository;

import java.util.List;

@Stateless
@Local(AuditService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class AuditServiceBean implements AuditService {
    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    AuditRepository records;
    @Inject
    TenantRepository tenants;

    @Override
    public List<AuditInfo> newest(Long tenantId) {
        callers.of(context).requireSystemAdmin("read the audit trail");
        return records.newest(tenantId, MAX_ROWS).stream().map(AuditInfo::of).toList();
    }

    @Override
    public AuditPage page(Long tenantId, int page, int size) {
        callers.of(context).requireSystemAdmin("read the audit trail");
        if (page < 0) {
            throw new ValidationException("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException("size", "size must be 1 to " + MAX_PAGE_SIZE);
        }
        if (tenantId != null) {
            tenants.find(tenantId).orElseThrow(() -> new NotFoundException("service", tenantId));
        }
        long first = (long) page * size;
        List<AuditInfo> items = first > Integer.MAX_VALUE ? List.of()
                : records.newest(tenantId, (int) first, size).stream().map(AuditInfo::of).toList();
        return new AuditPage(page, size, records.count(tenantId), items);
    }
}
