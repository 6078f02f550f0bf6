package org.sangdam.routing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 5: the sweep asks again where a lost routing message left a call waiting or an offer ringing (R2.4, R2.6). */
class RoutingSweepTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void routesTheServicesWithACallWaitingUnofferedAndAReadyAgent() {
        Map<Long, Long> waiting = Map.of(1L, 3L, 2L, 0L, 3L, 1L, 4L, 2L);
        Map<Long, Long> ready = Map.of(1L, 1L, 2L, 5L, 3L, 0L); // service 4: nobody Ready, no entry
        assertThat(RoutingSweep.servicesToRoute(waiting, ready)).containsExactly(1L);
        assertThat(RoutingSweep.servicesToRoute(Map.of(), ready)).isEmpty();
    }

    @Test
    void asksAgainOnlyForDeadlinesPassedMoreThanTheGrace() {
        Duration grace = Duration.ofSeconds(3);
        Instant now = T0.plusSeconds(60);
        RoutingRequest lost = RoutingRequest.recall(1, 7, now.minusSeconds(4));
        RoutingRequest onItsWay = RoutingRequest.recall(1, 8, now.minusSeconds(2));
        RoutingRequest ringing = RoutingRequest.recall(1, 9, now.plusSeconds(10));
        RoutingRequest ringOutLost = RoutingRequest.consultRingOut(2, 10, now.minusSeconds(30));
        RoutingRequest ringOutRinging = RoutingRequest.consultRingOut(2, 11, now.plusSeconds(1));
        assertThat(RoutingSweep.overdue(List.of(lost, onItsWay, ringing, ringOutLost, ringOutRinging), now, grace))
                .containsExactly(lost, ringOutLost);
    }
}
