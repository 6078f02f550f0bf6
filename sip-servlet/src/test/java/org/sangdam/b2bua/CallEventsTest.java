package org.sangdam.b2bua;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call's reports to the core run in the order the call's events happened, one at a time,
 * on a shared pool (a real thread pool here, as the container's executor is in the server),
 * without a thread of their own, and a slow call does not hold up another call.
 */
class CallEventsTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void oneCallsEventsRunInOrderAndNeverTwoAtOnce() throws Exception {
        CallEvents events = new CallEvents(pool);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(500);
        for (int i = 0; i < 500; i++) {
            int n = i;
            events.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                seen.add(n);
                Thread.yield();
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(500).isSorted();
        assertThat(mostAtOnce.get()).as("tasks of one call at once").isEqualTo(1);
    }

    @Test
    void aFailingEventDoesNotStopTheCallsLaterEvents() throws Exception {
        CallEvents events = new CallEvents(pool);
        CountDownLatch after = new CountDownLatch(1);
        events.execute(() -> {
            throw new IllegalStateException("the core refused");
        });
        events.execute(after::countDown);
        assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCallWaitingForTheCoreDoesNotHoldUpAnotherCall() throws Exception {
        CallEvents slow = new CallEvents(pool);
        CallEvents other = new CallEvents(pool);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowSecond = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        slow.execute(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slow.execute(slowSecond::countDown);
        other.execute(otherRan::countDown);
        assertThat(otherRan.await(30, TimeUnit.SECONDS)).as("the other call's event ran").isTrue();
        assertThat(slowSecond.getCount()).as("the slow call's next event waits for its first").isEqualTo(1);
        release.countDown();
        assertThat(slowSecond.await(30, TimeUnit.SECONDS)).isTrue();
    }
}
