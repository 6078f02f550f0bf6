package org.sangdam.registrar.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the registrar answers to one REGISTER. The SIP glue maps each to exactly
 * one response: 200, 401, 403, 404, 400, 423.
 */
public sealed interface RegisterOutcome {
    /** 200: the bindings of the CTI number after the request (a query changes nothing), as of {@code at} */
    record Registered(String ctiNumber, List<Binding> bindings, Instant at) implements RegisterOutcome {
        public Registered {
            bindings = List.copyOf(bindings);
        }
    }

    /** 401 with {@code WWW-Authenticate: Digest realm, nonce, qop="auth", algorithm=MD5[, stale=true]} */
    record Challenge(String realm, String nonce, boolean stale) implements RegisterOutcome {
    }

    /** 403: wrong or foreign credentials, unknown extension, or an agent who may not use a phone */
    record Forbidden(String reason) implements RegisterOutcome {
    }

    /** 404: the To URI is not an extension at all (no user part) */
    record NotFound(String reason) implements RegisterOutcome {
    }

    /** 400: a request that cannot be right whoever sends it; nothing changes */
    record BadRequest(String reason) implements RegisterOutcome {
    }

    /** 423 with {@code Min-Expires} */
    record IntervalTooBrief(int minExpires) implements RegisterOutcome {
    }
}
