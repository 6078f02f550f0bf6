package org.sangdam.routing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.call.CallRepository;
import org.sangdam.call.PhoneCall;

import java.util.List;

/**
 * After a restart the database still holds the queued calls and the pending offers
 * with their deadlines: ask routing to look at every service with waiting calls and
 * re-arm each offer's recall. Duplicates of messages the broker kept are harmless:
 * a recall whose offer is gone or changed is ignored.
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

    @PostConstruct
    void recover() {
        List<PhoneCall> offered = calls.offered();
        for (PhoneCall c : offered) {
            routing.recallAt(c.getTenantId(), c.getId(), c.getOfferDeadline());
        }
        List<Long> services = calls.servicesWithWaitingCalls();
        services.forEach(routing::routeSoon);
        if (!services.isEmpty()) {
            LOG.infof("Resumed routing for %d service(s) with waiting calls (%d pending offer(s))", services.size(), offered.size());
        }
    }
}
