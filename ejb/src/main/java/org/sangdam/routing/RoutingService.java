package org.sangdam.routing;

import java.time.Instant;

/** Offers a service's waiting calls to its Ready agents, and takes back offers nobody answered (R2.4, R2.6). */
public interface RoutingService {
    void route(long serviceId);

    /** the offer of {@code callId} made with {@code deadline} rang out, unless it was answered, abandoned or replaced */
    void recall(long serviceId, long callId, Instant deadline);

    /**
     * Issue 7: the consultation of a Ready agent of the service rang until {@code deadline}
     * without an answer: it fails as not answered (the consulted agent back to Ready, the
     * consulting agent On hold with the cause, the ringing phone cancelled), unless it was
     * answered, cancelled or replaced meanwhile.
     */
    void consultRingOut(long serviceId, long callId, Instant deadline);
}
