package org.sangdam.registrar.domain;

import java.util.Objects;

/**
 * One Contact of a REGISTER: the URI calls are sent to, the phone's
 * {@code +sip.instance} (RFC 5626, null if it sent none) and its own
 * {@code expires} parameter (null if absent).
 */
public record ContactUpdate(String uri, String instanceId, Integer expires) {
    public ContactUpdate {
        Objects.requireNonNull(uri, "uri");
    }
}
