package org.sangdam.routing.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One message for the routing consumer: look at a service's queue ({@link Kind#ROUTE}), or,
 * at {@code deadline}, take back an offer nobody answered ({@link Kind#RECALL}) or end a
 * consultation that rang out ({@link Kind#CONSULT_RING_OUT}); the last two name the call.
 */
public record RoutingRequest(Kind kind, long service, Long call, Instant deadline) {
    public enum Kind { ROUTE, RECALL, CONSULT_RING_OUT }

    public RoutingRequest {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ROUTE) != (call == null) || (call == null) != (deadline == null)) {
            throw new IllegalArgumentException("a route request names no call; a recall or ring-out names its call and deadline");
        }
    }

    public static RoutingRequest route(long service) {
        return new RoutingRequest(Kind.ROUTE, service, null, null);
    }

    public static RoutingRequest recall(long service, long call, Instant deadline) {
        return new RoutingRequest(Kind.RECALL, service, call, deadline);
    }

    public static RoutingRequest consultRingOut(long service, long call, Instant deadline) {
        return new RoutingRequest(Kind.CONSULT_RING_OUT, service, call, deadline);
    }
}
