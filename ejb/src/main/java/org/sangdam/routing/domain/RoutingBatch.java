package org.sangdam.routing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routing requests one transaction made, sent only once it committed. Route requests
 * coalesce: at most one per service per transaction, and none for a service that already
 * has one waiting on the queue ({@link PendingRoutes}). Recalls and ring-outs are sent as
 * made, each once.
 */
public final class RoutingBatch {
    private final Set<Long> routes = new LinkedHashSet<>();
    private final Set<RoutingRequest> timed = new LinkedHashSet<>();

    public void add(RoutingRequest request) {
        if (request.kind() == RoutingRequest.Kind.ROUTE) {
            routes.add(request.service());
        } else {
            timed.add(request);
        }
    }

    public boolean isEmpty() {
        return routes.isEmpty() && timed.isEmpty();
    }

    /** what to send now that the transaction committed; claims the route requests it returns in {@code pending} */
    public List<RoutingRequest> toSend(PendingRoutes pending, Instant now) {
        List<RoutingRequest> out = new ArrayList<>();
        for (long service : routes) {
            if (pending.claim(service, now)) {
                out.add(RoutingRequest.route(service));
            }
        }
        out.addAll(timed);
        return out;
    }
}
