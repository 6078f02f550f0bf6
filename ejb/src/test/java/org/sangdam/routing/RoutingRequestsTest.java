package org.sangdam.routing;

import jakarta.transaction.Status;
import org.junit.jupiter.api.Test;
import org.sangdam.routing.domain.RoutingBatch;
import org.sangdam.routing.domain.RoutingRequest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 5: routing requests made in a transaction reach the broker only if it committed. */
class RoutingRequestsTest {
    private final List<RoutingBatch> sent = new ArrayList<>();

    private RoutingRequests.SendAfterCommit sync(RoutingBatch batch) {
        return new RoutingRequests.SendAfterCommit(batch, sent::add);
    }

    private static RoutingBatch aRouteRequest() {
        RoutingBatch batch = new RoutingBatch();
        batch.add(RoutingRequest.route(1));
        return batch;
    }

    @Test
    void aCommittedTransactionSendsItsRequests() {
        RoutingBatch batch = aRouteRequest();
        RoutingRequests.SendAfterCommit sync = sync(batch);
        sync.beforeCompletion();
        assertThat(sent).as("nothing before the commit").isEmpty();
        sync.afterCompletion(Status.STATUS_COMMITTED);
        assertThat(sent).containsExactly(batch);
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        RoutingRequests.SendAfterCommit sync = sync(aRouteRequest());
        sync.beforeCompletion();
        sync.afterCompletion(Status.STATUS_ROLLEDBACK);
        sync(aRouteRequest()).afterCompletion(Status.STATUS_UNKNOWN);
        assertThat(sent).isEmpty();
    }

    @Test
    void aTransactionThatAskedNothingSendsNothing() {
        sync(new RoutingBatch()).afterCompletion(Status.STATUS_COMMITTED);
        assertThat(sent).isEmpty();
    }
}
