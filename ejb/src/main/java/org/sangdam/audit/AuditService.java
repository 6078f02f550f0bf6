package org.sangdam.audit;

import java.util.List;

/** Reading the admin audit trail: who changed which setting when (system administrators). */
public interface AuditService {
    int MAX_ROWS = 500;

    /** the newest changes first, at most {@link #MAX_ROWS}; {@code tenantId} null for every service and the installation */
    List<AuditInfo> newest(Long tenantId);

    int MAX_PAGE_SIZE = 200;

    /**
     * One page of the trail, newest first (the REST API): {@code page} from 0, {@code size} 1 to
     * {@value #MAX_PAGE_SIZE}; {@code tenantId} null for every service and the installation, else
     * that service (404 if there is none).
     */
    AuditPage page(Long tenantId, int page, int size);
}
