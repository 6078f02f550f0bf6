package org.sangdam.routing;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.agent.AgentSessionRepository;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.call.CallRepository;
import org.sangdam.call.domain.CallState;
import org.sangdam.routing.domain.RoutingRequest;
import org.sangdam.routing.domain.RoutingSweep;
import org.sangdam.tenant.Tenant;
import org.sangdam.tenant.TenantRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The safety net of routing messages sent after commit and not persistent ({@link RoutingSweep}):
 * every 5 s, per service with CTI inbound, two counts (indexed by service and state) and the
 * offers and consultations ringing past their deadline; asks again for what was lost.
 */
@Singleton
@Startup
public class RoutingSweeper {
    private static final Logger LOG = Logger.getLogger(RoutingSweeper.class);
    /** a recall or ring-out on its way arrives a few milliseconds after its deadline; one this late was lost */
    static final Duration GRACE = Duration.ofSeconds(3);

    @Inject
    TenantRepository tenants;
    @Inject
    CallRepository calls;
    @Inject
    AgentSessionRepository sessions;
    @Inject
    RoutingDeadlines deadlines;
    @Inject
    RoutingRequests routing;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "routing sweep")
    void sweep() {
        Instant now = Instant.now();
        Instant cutoff = now.minus(GRACE);
        Map<Long, Long> waiting = new HashMap<>();
        Map<Long, Long> ready = new HashMap<>();
        List<RoutingRequest> timed = new ArrayList<>();
        for (Tenant t : tenants.all()) {
            if (!t.isCtiInbound()) {
                continue;
            }
            long service = t.getId();
            waiting.put(service, calls.countWaitingUnoffered(service));
            ready.put(service, sessions.countInState(service, AgentState.READY.name()));
            timed.addAll(deadlines.recalls(calls.offeredDueBefore(service, cutoff)));
            timed.addAll(deadlines.consultRingOuts(calls.inState(service, CallState.CONSULT_DIALING.name())));
        }
        List<Long> toRoute = RoutingSweep.servicesToRoute(waiting, ready);
        List<RoutingRequest> overdue = RoutingSweep.overdue(timed, now, GRACE);
        toRoute.forEach(routing::routeSoon);
        for (RoutingRequest r : overdue) {
            if (r.kind() == RoutingRequest.Kind.RECALL) {
                routing.recallAt(r.service(), r.call(), r.deadline());
            } else {
                routing.consultRingOutAt(r.service(), r.call(), r.deadline());
            }
        }
        if (!overdue.isEmpty()) {
            LOG.infof("Routing sweep: %d recall(s) or ring-out(s) overdue by more than %d s asked again", overdue.size(), GRACE.toSeconds());
        }
    }
}
