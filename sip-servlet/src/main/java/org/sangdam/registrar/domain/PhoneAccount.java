package org.sangdam.registrar.domain;

import java.util.Objects;

/**
 * What the registrar needs to know about the agent whose phone registers as
 * {@code ctiNumber}: the digest secret (HA1 over {@code realm}) and whether the
 * agent may use a phone at all (active, with phone permission, R1.2).
 */
public record PhoneAccount(String ctiNumber, long userId, long tenantId, String realm, String ha1,
                           boolean active, boolean phonePermission) {
    public PhoneAccount {
        Objects.requireNonNull(ctiNumber, "ctiNumber");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(ha1, "ha1");
    }

    public boolean mayRegister() {
        return active && phonePermission;
    }
}
