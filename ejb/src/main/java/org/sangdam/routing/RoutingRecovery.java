package org.sangdam.routing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.call.CallRepository;
import org.sangdam.call.domain.CallState;
import org.sangdam.routing.domain.RoutingRequest;

import java.util.List;

/**
 * After a restart the database still holds the queued calls, the pending offers with their
 * deadlines and the consultations ringing an agent; the routing messages are not persistent,
 * so they are gone: ask routing to look at every service with waiting calls, re-arm each
 * offer's recall and each consultation's ring-out. A recall whose offer is gone or changed
 * is ignored, so duplicates are harmless.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RoutingRecovery {
    private static final Logger LOG = Logger.getLogger(RoutingRecovery.class);

    @Inject
    CallRepository calls;
    @Inject
    RoutingRequests routing;
    @Inject
    RoutingDeadlines deadlines;

    @PostConstruct
    void recover() {
        List<RoutingRequest> recalls = deadlines.recalls(calls.offered());
        List<RoutingRequest> ringOuts = deadlines.consultRingOuts(calls.inState(CallState.CONSULT_DIALING.name()));
        recalls.forEach(r -> routing.recallAt(r.service(), r.call(), r.deadline()));
        ringOuts.forEach(r -> routing.consultRingOutAt(r.service(), r.call(), r.deadline()));
        List<Long> services = calls.servicesWithWaitingCalls();
        services.forEach(routing::routeSoon);
        if (!services.isEmpty() || !ringOuts.isEmpty()) {
            LOG.infof("Resumed routing for %d service(s) with waiting calls (%d pending offer(s), %d consultation(s) ringing)",
                    services.size(), recalls.size(), ringOuts.size());
        }
    }
}
