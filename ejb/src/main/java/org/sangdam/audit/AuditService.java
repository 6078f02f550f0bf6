package org.sangdam.audit;

import java.util.List;

/** Reading the admin audit trail: who changed which setting when (system administrators). */
public interface AuditService {
    int MAX_ROWS = 500;

    /** the newest changes first, at most {@link #MAX_ROWS}; {@code tenantId} null for every service and the installation */
    List<AuditInfo> newest(Long tenantId);
}
