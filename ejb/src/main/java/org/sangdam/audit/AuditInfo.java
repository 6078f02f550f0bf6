package org.sangdam.audit;

import java.time.Instant;

/** One row of the admin audit trail as the audit page shows it. */
public record AuditInfo(long id, Instant at, String actor, Long serviceId, String action, String target, String detail) {
    static AuditInfo of(AuditRecord r) {
        return new AuditInfo(r.getId(), r.getAt(), r.getActor(), r.getTenantId(), r.getAction(), r.getTarget(), r.getDetail());
    }
}
