package org.sangdam.routing.domain;

import org.junit.jupiter.api.Test;
import org.sangdam.agent.domain.AgentId;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.call.domain.CallId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A routing request is dropped without the service's lock only when routing could offer nothing (R2.4). */
class RoutingDemandTest {
    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");

    @Test
    void routesOnlyWithAWaitingCallAndAReadyAgent() {
        assertThat(new RoutingDemand(1, 1).canOffer()).isTrue();
        assertThat(new RoutingDemand(40, 3).canOffer()).isTrue();
        assertThat(new RoutingDemand(0, 12).canOffer()).as("nobody waiting").isFalse();
        assertThat(new RoutingDemand(5, 0).canOffer()).as("nobody Ready").isFalse();
        assertThat(new RoutingDemand(0, 0).canOffer()).isFalse();
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new RoutingDemand(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingDemand(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTheDemandSaysNothingToDoTheQueueWouldOfferNothingEither() {
        AgentId agent = new AgentId(7);
        RoutableAgent ready = new RoutableAgent(agent, 1, AgentState.READY, true, true, T0, Set.of());
        QueuedCall offered = new QueuedCall(new CallId(1), T0, Set.of(), null);
        // the only waiting call is already ringing someone: nothing unoffered, so no routing pass
        CallQueue queue = CallQueue.restore(1, Duration.ofSeconds(15), List.of(offered),
                List.of(new Offer(new CallId(1), new AgentId(8), T0.plusSeconds(15))));
        assertThat(new RoutingDemand(0, 1).canOffer()).isFalse();
        assertThat(queue.route(List.of(ready), true, T0)).isEmpty();
        // no Ready agent: nothing to offer to
        CallQueue waiting = CallQueue.restore(1, Duration.ofSeconds(15), List.of(new QueuedCall(new CallId(2), T0, Set.of(), null)), List.of());
        assertThat(new RoutingDemand(1, 0).canOffer()).isFalse();
        assertThat(waiting.route(List.of(), true, T0)).isEmpty();
        // both: the pass offers the call
        assertThat(new RoutingDemand(1, 1).canOffer()).isTrue();
        assertThat(waiting.route(List.of(ready), true, T0)).extracting(Offer::call).containsExactly(new CallId(2));
    }
}
