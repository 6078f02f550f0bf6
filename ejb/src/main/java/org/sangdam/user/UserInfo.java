package org.sangdam.user;

import org.sangdam.cti.CtiAgent;
import org.sangdam.user.domain.Role;

/** A user as the API shows it; {@code ctiId}/{@code ctiNumber} are null until assigned (R1.4). */
public record UserInfo(long id, String username, String displayName, Role role, Long serviceId,
                       boolean phonePermission, boolean active, String ctiId, String ctiNumber) {
    public static UserInfo of(User u, CtiAgent cti) {
        return new UserInfo(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.getTenantId(),
                u.hasPhonePermission(), u.isActive(), cti == null ? null : cti.getCtiId(), cti == null ? null : cti.getCtiNumber());
    }
}
