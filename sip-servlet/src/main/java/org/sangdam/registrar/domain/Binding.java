package org.sangdam.registrar.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One registered contact of an agent phone: where to send a call for
 * {@code ctiNumber} until {@code expiresAt}. {@code callId} and {@code cseq}
 * order updates from the same phone (RFC 3261 §10.3 step 7); {@code source} is
 * where the REGISTER really came from (for phones behind NAT).
 */
public record Binding(String ctiNumber, String contactUri, String instanceId, String callId, long cseq,
                      Instant registeredAt, Instant expiresAt, Source source, String userAgent) {
    public Binding {
        Objects.requireNonNull(ctiNumber, "ctiNumber");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** whole seconds left, rounded up so a live binding never reports 0 (which would mean "removed") */
    public long secondsLeft(Instant now) {
        if (!isLiveAt(now)) {
            return 0;
        }
        Duration left = Duration.between(now, expiresAt);
        return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
    }

    /** the same registration in RFC 5626 terms (same instance) or RFC 3261 terms (same URI) */
    boolean sameContactAs(ContactUpdate update) {
        if (instanceId != null && update.instanceId() != null) {
            return instanceId.equals(update.instanceId());
        }
        return contactUri.equals(update.uri());
    }
}
