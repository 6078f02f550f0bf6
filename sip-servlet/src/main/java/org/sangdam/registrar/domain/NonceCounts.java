package org.sangdam.registrar.domain;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replay protection for digest nonces (RFC 2617 §3.2.2 "nc"): per nonce, the
 * highest nonce count that authenticated. A request whose count is not higher is
 * a replay (a captured REGISTER sent again) and does not authenticate. Only
 * nonces that carried a correct password are remembered, until they go stale, so
 * the table is bounded by the phones' own traffic. Retransmissions never reach
 * this check: the SIP stack absorbs them in the server transaction.
 */
public final class NonceCounts {
    private record Seen(long count, Instant until) {
    }

    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

    /** records {@code count} for {@code nonce} if it is higher than any before; false for a replay */
    public boolean advance(String nonce, long count, Instant freshUntil) {
        boolean[] advanced = {false};
        seen.compute(nonce, (n, previous) -> {
            if (previous != null && count <= previous.count()) {
                return previous;
            }
            advanced[0] = true;
            return new Seen(count, freshUntil);
        });
        return advanced[0];
    }

    public void purge(Instant now) {
        seen.values().removeIf(s -> !now.isBefore(s.until()));
    }

    public int size() {
        return seen.size();
    }
}
