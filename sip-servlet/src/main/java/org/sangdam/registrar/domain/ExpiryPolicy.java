package org.sangdam.registrar.domain;

import java.util.OptionalInt;

/**
 * How long a binding lives (RFC 3261 §10.2.1.1, §10.3 step 6): the contact's
 * {@code expires} parameter wins over the {@code Expires} header, which wins over
 * the default. 0 removes the binding. A positive value below the minimum is
 * refused (423 Interval Too Brief with {@code Min-Expires}); a value above the
 * maximum is shortened to it, which the 200 OK tells the phone.
 */
public record ExpiryPolicy(int minSeconds, int maxSeconds, int defaultSeconds) {
    public ExpiryPolicy {
        if (minSeconds < 1 || maxSeconds < minSeconds || defaultSeconds < minSeconds || defaultSeconds > maxSeconds) {
            throw new IllegalArgumentException("expiry needs 1 <= min <= default <= max, got min=" + minSeconds
                    + " default=" + defaultSeconds + " max=" + maxSeconds);
        }
    }

    /** RFC 3261's recommended default; a phone refreshes well within it */
    public static final ExpiryPolicy STANDARD = new ExpiryPolicy(60, 3600, 3600);

    /**
     * Seconds granted for one contact, 0 meaning "remove", or empty when the
     * requested interval is too brief. {@code contactExpires} and
     * {@code headerExpires} are null when absent.
     */
    public OptionalInt grant(Integer contactExpires, Integer headerExpires) {
        long requested = contactExpires != null ? contactExpires : headerExpires != null ? headerExpires : defaultSeconds;
        if (requested < 0) {
            requested = defaultSeconds;
        }
        if (requested == 0) {
            return OptionalInt.of(0);
        }
        if (requested < minSeconds) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.min(requested, maxSeconds));
    }
}
