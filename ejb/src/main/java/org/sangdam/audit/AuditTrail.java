package org.sangdam.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sangdam.access.domain.Caller;

import java.time.Instant;

/**
 * Writes the admin audit trail (issue 3). The EJB services call it inside the
 * transaction of the change itself: a change that is refused or rolls back leaves
 * no row, and a row is never missing for a change that committed.
 */
@ApplicationScoped
public class AuditTrail {
    @Inject
    AuditRepository records;

    /**
     * @param action what was done, a stable code such as {@code contract.changed} (the pages translate it)
     * @param target the object changed, as an administrator reads it (a name, a number)
     * @param detail the new values, for the reader; never a password
     */
    public void record(Caller by, Long tenantId, String action, String target, String detail) {
        records.add(new AuditRecord(Instant.now(), by.username(), tenantId, action, target, detail));
    }
}
