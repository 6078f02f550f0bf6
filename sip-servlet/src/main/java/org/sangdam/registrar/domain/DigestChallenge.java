package org.sangdam.registrar.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * The parameters of one {@code WWW-Authenticate} or {@code Proxy-Authenticate:
 * Digest …} header a server sent us, as sent. {@code qop} is the quoted list the
 * server offers (e.g. {@code auth,auth-int}); it, {@code algorithm} and
 * {@code opaque} may be null.
 */
public record DigestChallenge(String realm, String nonce, String qop, String algorithm, String opaque) {
    /** whether the server lets us answer with {@code qop=auth} */
    public boolean offersAuth() {
        return qop != null && Arrays.stream(qop.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).anyMatch("auth"::equals);
    }

    /** MD5 (or no algorithm, which means MD5), and either no qop or one that includes auth */
    public boolean answerable() {
        return realm != null && nonce != null
                && (algorithm == null || algorithm.equalsIgnoreCase("MD5"))
                && (qop == null || qop.isBlank() || offersAuth());
    }
}
