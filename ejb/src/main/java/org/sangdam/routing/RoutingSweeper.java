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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The safety net of routing messages sent after commit and not persistent ({@link RoutingSweep}):
 * every 5 s, the agents counted per service and state (a small table), then only for services
 * with a Ready agent the count of calls waiting unoffered, and only for services with a Ringing
 * agent the offers and consultations ringing past their deadline (queries by service and state,
 * indexed); asks again for what was lost.
 */
@Singleton
@Startup
public class RoutingSweeper {
    private static final Logger LOG = Logger.getLogger(RoutingSweeper.class);
    /** a recall or ring-out on its way arrives a few milliseconds after its deadline; one this late was lost */
    static final Duration GRACE = Duration.ofSeconds(3);

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
        // agents first (one row per agent): only a service with a Ready agent can route, and an offer or a
        // consultation ringing an agent of the service makes that agent Ringing (OFFERED)
        for (Map.Entry<Long, Map<String, Long>> e : sessions.countByServiceAndState().entrySet()) {
            long service = e.getKey();
            long readyAgents = e.getValue().getOrDefault(AgentState.READY.name(), 0L);
            if (readyAgents > 0) {
                ready.put(service, readyAgents);
                waiting.put(service, calls.countWaitingUnoffered(service));
            }
            if (e.getValue().getOrDefault(AgentState.OFFERED.name(), 0L) > 0) {
                timed.addAll(deadlines.recalls(calls.offeredDueBefore(service, cutoff)));
                timed.addAll(deadlines.consultRingOuts(calls.inState(service, CallState.CONSULT_DIALING.name())));
            }
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
