package org.sangdam.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;

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

    @Override
    public List<AuditInfo> newest(Long tenantId) {
        callers.of(context).requireSystemAdmin("read the audit trail");
        return records.newest(tenantId, MAX_ROWS).stream().map(AuditInfo::of).toList();
    }
}
