package org.sangdam.registrar.domain;

import java.util.List;
import java.util.Objects;

/**
 * The binding changes a REGISTER asks for, already translated from SIP. No
 * contacts and no wildcard is a query (RFC 3261 §10.2.3): it changes nothing and
 * is answered with the current bindings. {@code wildcard} is {@code Contact: *}.
 * {@code expiresHeader} is null when the request has no Expires header.
 */
public record RegisterRequest(String callId, long cseq, boolean wildcard, List<ContactUpdate> contacts,
                              Integer expiresHeader, Source source, String userAgent) {
    public RegisterRequest {
        Objects.requireNonNull(callId, "callId");
        contacts = List.copyOf(contacts);
    }

    public boolean isQuery() {
        return !wildcard && contacts.isEmpty();
    }
}
