package org.sangdam.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which services have a route request sent and not yet taken up by the consumer. A route
 * request is only sent when none is waiting for that service: the waiting one will read the
 * database after every change committed before it starts, because the consumer clears the
 * flag ({@link #started}) before it reads. A flag older than {@code stale} no longer holds
 * back a request: a request lost by the broker (non-persistent) must not silence the service
 * for good. Thread-safe; per server (each node's own requests).
 */
public final class PendingRoutes {
    private final Duration stale;
    private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();

    public PendingRoutes(Duration stale) {
        if (stale.isNegative() || stale.isZero()) {
            throw new IllegalArgumentException("stale must be positive");
        }
        this.stale = stale;
    }

    /** true: send a route request for the service now (and it counts as waiting from {@code now}); false: one already waits */
    public boolean claim(long service, Instant now) {
        boolean[] send = {false};
        pending.compute(service, (s, since) -> {
            if (since == null || !now.isBefore(since.plus(stale))) {
                send[0] = true;
                return now;
            }
            return since;
        });
        return send[0];
    }

    /** the consumer took up a route request of the service: later changes need a request of their own */
    public void started(long service) {
        pending.remove(service);
    }

    /** the request claimed at {@code claimedAt} could not be sent: the next change sends one */
    public void notSent(long service, Instant claimedAt) {
        pending.remove(service, claimedAt);
    }

    public boolean waiting(long service) {
        return pending.containsKey(service);
    }
}
