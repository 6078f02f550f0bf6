package org.sangdam.registrar.domain;

import java.util.List;
import java.util.Objects;

/**
 * One REGISTER as the registrar judges it: the extension in its To URI (null when
 * the To URI has no user part), the digest credentials it carries for any realm,
 * whether each credential's {@code uri} names the Request-URI (the SIP layer
 * compares URIs by RFC 3261 §19.1.4), and the binding changes asked for.
 */
public record RegisterAttempt(String ctiNumber, List<Authorization> authorizations, RegisterRequest request) {
    /** one Authorization header and whether its digest-uri matches the Request-URI */
    public record Authorization(DigestCredentials credentials, boolean uriMatchesRequest) {
        public Authorization {
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    public RegisterAttempt {
        authorizations = List.copyOf(authorizations);
        Objects.requireNonNull(request, "request");
    }
}
