package org.sangdam.access.domain;

import org.sangdam.common.domain.AccessDeniedException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.user.domain.Role;

/**
 * Who is asking, and the tenancy rules every service applies before it touches
 * data: a system administrator reaches every service; a service administrator and
 * an agent reach only their own. Another service's objects are reported as not
 * found (never as forbidden), so their existence does not leak.
 */
public record Caller(String username, Role role, Long tenantId) {

    public boolean isSystemAdmin() {
        return role == Role.SYSTEM_ADMIN;
    }

    /** May read this service's data at all. */
    public void requireTenant(long tenant, String what, Object id) {
        if (!isSystemAdmin() && (tenantId == null || tenantId != tenant)) {
            throw new NotFoundException(what, id);
        }
    }

    /** May change this service's set-up: its system or service administrator. */
    public void requireTenantAdmin(long tenant, String what, Object id) {
        requireTenant(tenant, what, id);
        if (role == Role.AGENT) {
            throw new AccessDeniedException("only an administrator of the service can change its " + what + "s");
        }
    }

    /** Installation-wide set-up: system administrators only (전체 관리). */
    public void requireSystemAdmin(String action) {
        if (!isSystemAdmin()) {
            throw new AccessDeniedException("only a system administrator can " + action);
        }
    }
}
