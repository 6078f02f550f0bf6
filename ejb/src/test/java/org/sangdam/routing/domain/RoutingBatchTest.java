package org.sangdam.routing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 5: what one committed transaction sends to the routing consumer. */
class RoutingBatchTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private final PendingRoutes pending = new PendingRoutes(Duration.ofSeconds(10));

    @Test
    void atMostOneRouteRequestPerServicePerTransaction() {
        RoutingBatch batch = new RoutingBatch();
        batch.add(RoutingRequest.route(1)); // a call queued
        batch.add(RoutingRequest.route(2));
        batch.add(RoutingRequest.route(1)); // an agent Ready
        batch.add(RoutingRequest.route(1));
        assertThat(batch.toSend(pending, T0)).containsExactly(RoutingRequest.route(1), RoutingRequest.route(2));
    }

    @Test
    void noRouteRequestForAServiceWhoseRequestStillWaits() {
        RoutingBatch first = new RoutingBatch();
        first.add(RoutingRequest.route(1));
        assertThat(first.toSend(pending, T0)).hasSize(1);
        RoutingBatch second = new RoutingBatch();
        second.add(RoutingRequest.route(1));
        second.add(RoutingRequest.route(3));
        assertThat(second.toSend(pending, T0.plusMillis(3))).as("service 1's request has not started").containsExactly(RoutingRequest.route(3));
        pending.started(1);
        RoutingBatch third = new RoutingBatch();
        third.add(RoutingRequest.route(1));
        assertThat(third.toSend(pending, T0.plusMillis(4))).containsExactly(RoutingRequest.route(1));
    }

    @Test
    void recallsAndRingOutsAreSentEachOnceAndNeverCoalescedAway() {
        RoutingBatch batch = new RoutingBatch();
        pending.claim(1, T0); // a route request of service 1 waits: recalls still go
        RoutingRequest recall7 = RoutingRequest.recall(1, 7, T0.plusSeconds(15));
        RoutingRequest recall8 = RoutingRequest.recall(1, 8, T0.plusSeconds(15));
        RoutingRequest ringOut = RoutingRequest.consultRingOut(1, 9, T0.plusSeconds(15));
        batch.add(recall7);
        batch.add(recall8);
        batch.add(recall7);
        batch.add(ringOut);
        batch.add(RoutingRequest.route(1));
        assertThat(batch.toSend(pending, T0.plusMillis(1))).containsExactly(recall7, recall8, ringOut);
    }

    @Test
    void anEmptyBatchSendsNothing() {
        RoutingBatch batch = new RoutingBatch();
        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.toSend(pending, T0)).isEmpty();
    }

    @Test
    void aRequestNamesItsCallExactlyWhenItIsTimed() {
        assertThatThrownBy(() -> new RoutingRequest(RoutingRequest.Kind.ROUTE, 1, 5L, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingRequest(RoutingRequest.Kind.RECALL, 1, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingRequest(RoutingRequest.Kind.RECALL, 1, 5L, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
