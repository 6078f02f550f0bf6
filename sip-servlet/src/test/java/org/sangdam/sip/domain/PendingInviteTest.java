package org.sangdam.sip.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Issue 5 item 6: a CANCEL racing our answer to an INVITE: the first wins, once")
class PendingInviteTest {
    @Test
    @DisplayName("a CANCEL before the answer ends the INVITE (487) and the answer is not sent")
    void cancelFirst() {
        PendingInvite invite = new PendingInvite();
        assertThat(invite.cancel()).isTrue();
        assertThat(invite.answer()).isFalse();
        assertThat(invite.cancelled()).isTrue();
        assertThat(invite.cancel()).as("a retransmitted CANCEL: no second 487").isFalse();
    }

    @Test
    @DisplayName("a CANCEL after the answer has no effect (RFC 3261 §9.2); a second final answer (an error after the 200) is still the answerer's")
    void answerFirst() {
        PendingInvite invite = new PendingInvite();
        assertThat(invite.answer()).isTrue();
        assertThat(invite.cancel()).isFalse();
        assertThat(invite.answer()).isTrue();
        assertThat(invite.outcome()).isEqualTo(PendingInvite.Outcome.ANSWERED);
    }

    @Test
    @DisplayName("racing threads: exactly one of CANCEL and answer wins, every time")
    void race() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2_000; i++) {
                PendingInvite invite = new PendingInvite();
                CountDownLatch go = new CountDownLatch(1);
                Future<Boolean> cancel = pool.submit(() -> {
                    go.await();
                    return invite.cancel();
                });
                Future<Boolean> answer = pool.submit(() -> {
                    go.await();
                    return invite.answer();
                });
                go.countDown();
                assertThat(cancel.get(5, TimeUnit.SECONDS) ^ answer.get(5, TimeUnit.SECONDS)).as("round %d", i).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
