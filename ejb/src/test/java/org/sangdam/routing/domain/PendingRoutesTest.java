package org.sangdam.routing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 5: a service gets a new route request only when none of its requests waits unconsumed on the queue. */
class PendingRoutesTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private final PendingRoutes pending = new PendingRoutes(Duration.ofSeconds(10));

    @Test
    void oneRequestWaitsPerServiceUntilTheConsumerStartsIt() {
        assertThat(pending.claim(1, T0)).isTrue();
        assertThat(pending.claim(1, T0.plusMillis(5))).as("one already waits for service 1").isFalse();
        assertThat(pending.claim(2, T0.plusMillis(5))).as("service 2 is another service").isTrue();
        pending.started(1);
        assertThat(pending.waiting(1)).isFalse();
        assertThat(pending.claim(1, T0.plusMillis(9))).as("changes after the consumer started need their own request").isTrue();
    }

    @Test
    void aRequestNotTakenUpWithinTheStaleTimeNoLongerHoldsTheServiceBack() {
        assertThat(pending.claim(1, T0)).isTrue();
        assertThat(pending.claim(1, T0.plusSeconds(9))).isFalse();
        assertThat(pending.claim(1, T0.plusSeconds(10))).as("presumed lost").isTrue();
        assertThat(pending.claim(1, T0.plusSeconds(11))).as("the new one waits from 10 s").isFalse();
    }

    @Test
    void aRequestThatCouldNotBeSentReleasesOnlyItsOwnClaim() {
        assertThat(pending.claim(1, T0)).isTrue();
        pending.notSent(1, T0.plusSeconds(20)); // another, later claim's failure
        assertThat(pending.waiting(1)).isTrue();
        pending.notSent(1, T0);
        assertThat(pending.claim(1, T0.plusMillis(1))).isTrue();
    }

    @Test
    void theStaleTimeMustBePositive() {
        assertThatThrownBy(() -> new PendingRoutes(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
