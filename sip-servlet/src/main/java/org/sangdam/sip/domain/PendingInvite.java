package org.sangdam.sip.domain;

import java.util.concurrent.atomic.AtomicReference;

/**
 * An INVITE we have not answered finally yet, and the race between our final
 * answer and the caller's CANCEL (RFC 3261 §9.2): whichever comes first wins, once.
 * A CANCEL before the answer ends the INVITE (487) and the answer is not sent; a
 * CANCEL after it changes nothing (the caller ACKs and BYEs our 200). The handler
 * answers on the call's own queue while the CANCEL arrives on a stack thread, so
 * both claim the INVITE here.
 */
public final class PendingInvite {
    public enum Outcome { PENDING, CANCELLED, ANSWERED }

    private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.PENDING);

    /** the caller's CANCEL: true when it came first (send 487 to the INVITE) */
    public boolean cancel() {
        return outcome.compareAndSet(Outcome.PENDING, Outcome.CANCELLED);
    }

    /** our final answer: true when it came first (send it), false when the INVITE was cancelled */
    public boolean answer() {
        return outcome.compareAndSet(Outcome.PENDING, Outcome.ANSWERED) || outcome.get() == Outcome.ANSWERED;
    }

    public boolean cancelled() {
        return outcome.get() == Outcome.CANCELLED;
    }

    public Outcome outcome() {
        return outcome.get();
    }
}
