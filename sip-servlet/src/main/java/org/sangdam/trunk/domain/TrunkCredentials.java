package org.sangdam.trunk.domain;

import org.sangdam.registrar.domain.Digest;

import java.util.Objects;

/**
 * A trunk's digest username and password: what the carrier answers our challenge
 * with when its INVITE comes from an address we do not list, and what we answer
 * the carrier's 401/407 with. The password is needed in clear for the second
 * (the carrier chooses the realm), so it is kept out of {@link #toString()} and
 * thereby out of every log line that prints a trunk.
 */
public record TrunkCredentials(String username, String password) {
    public TrunkCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** null unless both are set */
    public static TrunkCredentials of(String username, String password) {
        return username == null || username.isBlank() || password == null || password.isEmpty() ? null
                : new TrunkCredentials(username, password);
    }

    /** HA1 = MD5(username:realm:password) */
    public String ha1(String realm) {
        return Digest.md5Hex(username + ":" + realm + ":" + password);
    }

    @Override
    public String toString() {
        return username + " (password not shown)";
    }
}
