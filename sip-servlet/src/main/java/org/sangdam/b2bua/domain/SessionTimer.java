package org.sangdam.b2bua.domain;

import java.time.Duration;
import java.util.Locale;

/**
 * RFC 4028 session timers for our call legs, so a leg whose far end vanished
 * without BYE ends even when RTP keeps flowing (a media gateway still sending) or
 * never flowed (a phone that sends no RTP while muted): the refresher re-INVITEs
 * or UPDATEs every half interval; the side that does not refresh ends the
 * session when no refresh came by the expiry check.
 * <ul>
 * <li>As UAS (a customer's INVITE from a trunk): an INVITE with a
 *     {@code Session-Expires} below our {@code Min-SE} gets 422 with ours; one
 *     with an acceptable interval is granted as asked; the refresher is the one
 *     the request names, else the caller if it supports {@code timer}, else us.
 *     We refresh with UPDATE (no SDP renegotiation) when the caller's
 *     {@code Allow} lists it, else with a re-INVITE carrying the SDP we last
 *     sent, unchanged (RFC 4028 §9: every UA accepts re-INVITE). An INVITE without {@code Session-Expires} gets no timer (the RTP timeout
 *     still applies).</li>
 * <li>As UAC (our INVITE to an agent's phone): we ask for our interval with
 *     {@code refresher=uas}, so a phone that supports timers refreshes and we
 *     watch; a phone that answers without {@code Session-Expires} has none; one
 *     that makes us the refresher is refreshed the same way as a caller. A 422
 *     to our INVITE is retried once with the {@code Min-SE} it names (RFC 4028
 *     §7.4, {@link #afterTooSmall}).</li>
 * </ul>
 */
public final class SessionTimer {
    /** RFC 4028 §4: no Min-SE below 90 s unless configured (tests) */
    public static final int RFC_MIN_SE = 90;

    public enum Refresher {
        /** we send the refreshes */
        US,
        /** the far end refreshes; we end the session when it stops */
        PEER
    }

    public sealed interface Decision permits TooSmall, Timer, NoTimer {
    }

    /** 422 Session Interval Too Small, with our {@code Min-SE} */
    public record TooSmall(int minSe) implements Decision {
    }

    /**
     * A session timer for the leg.
     *
     * @param seconds        the session interval
     * @param refresherParam the {@code refresher} parameter to put in our {@code Session-Expires} ({@code uac} or {@code uas})
     * @param refresher      who refreshes, seen from us
     * @param requireTimer   whether our 2xx must carry {@code Require: timer} (the caller refreshes)
     * @param refreshMethod  when we refresh, how: {@code UPDATE}, or {@code INVITE} for a peer whose Allow lacks UPDATE; null when the peer refreshes
     */
    public record Timer(int seconds, String refresherParam, Refresher refresher, boolean requireTimer, String refreshMethod) implements Decision {
        /** when the side that does not refresh gives up: the interval minus min(32 s, a third of it) (RFC 4028 §10) */
        public Duration expiryCheck() {
            return Duration.ofSeconds(seconds - Math.min(32, seconds / 3));
        }

        /** when the refresher refreshes: half the interval (RFC 4028 §10) */
        public Duration refreshAfter() {
            return Duration.ofMillis(seconds * 500L);
        }
    }

    public record NoTimer() implements Decision {
    }

    private final int minSe;
    private final int interval;

    /**
     * @param minSe    the shortest interval we accept (our {@code Min-SE})
     * @param interval the interval we ask for in our own INVITEs
     */
    public SessionTimer(int minSe, int interval) {
        if (minSe < 1 || interval < minSe) {
            throw new IllegalArgumentException("session timer needs 1 <= Min-SE <= interval, got " + minSe + " and " + interval);
        }
        this.minSe = minSe;
        this.interval = interval;
    }

    public int minSe() {
        return minSe;
    }

    public int interval() {
        return interval;
    }

    /**
     * We are the UAS of an INVITE.
     *
     * @param sessionExpires    its {@code Session-Expires} delta-seconds, or null
     * @param refresherParam    that header's {@code refresher} parameter, or null
     * @param callerMinSe       its {@code Min-SE}, or null
     * @param callerSupports    whether its {@code Supported} (or {@code Require}) lists {@code timer}
     * @param callerAllowsUpdate whether its {@code Allow} lists UPDATE
     */
    public Decision asUas(Integer sessionExpires, String refresherParam, Integer callerMinSe, boolean callerSupports,
                          boolean callerAllowsUpdate) {
        if (sessionExpires == null) {
            return new NoTimer();
        }
        if (sessionExpires < minSe) {
            return new TooSmall(Math.max(minSe, callerMinSe == null ? 0 : callerMinSe));
        }
        String asked = refresherParam == null ? null : refresherParam.toLowerCase(Locale.ROOT);
        boolean callerRefreshes = "uac".equals(asked) || (asked == null && callerSupports);
        if (callerRefreshes) {
            return new Timer(sessionExpires, "uac", Refresher.PEER, true, null);
        }
        return new Timer(sessionExpires, "uas", Refresher.US, false, refreshMethod(callerAllowsUpdate));
    }

    /**
     * We were the UAC (an agent's phone answered our INVITE, which asked for
     * {@code refresher=uas}).
     *
     * @param sessionExpires     the 2xx's {@code Session-Expires}, or null
     * @param refresherParam     its {@code refresher} parameter, or null
     * @param answererAllowsUpdate whether the 2xx's {@code Allow} lists UPDATE
     */
    public Decision asUac(Integer sessionExpires, String refresherParam, boolean answererAllowsUpdate) {
        if (sessionExpires == null || sessionExpires < 1) {
            return new NoTimer();
        }
        if (!"uac".equalsIgnoreCase(refresherParam)) {
            return new Timer(sessionExpires, "uas", Refresher.PEER, false, null);
        }
        return new Timer(sessionExpires, "uac", Refresher.US, false, refreshMethod(answererAllowsUpdate));
    }

    /** UPDATE where the peer allows it (no SDP to renegotiate), else a re-INVITE, which every UA accepts (RFC 4028 §9) */
    private static String refreshMethod(boolean peerAllowsUpdate) {
        return peerAllowsUpdate ? "UPDATE" : "INVITE";
    }

    /**
     * The far end answered our INVITE 422 (Session Interval Too Small, RFC 4028 §7.4):
     * the interval to ask for when we send it again, once, or empty when the 422
     * names no {@code Min-SE} above what we asked (then the 422 is a failure like any
     * other).
     *
     * @param asked       the {@code Session-Expires} of the INVITE that got 422
     * @param theirMinSe  the 422's {@code Min-SE}, or null
     */
    public static java.util.OptionalInt afterTooSmall(int asked, Integer theirMinSe) {
        if (theirMinSe == null || theirMinSe <= asked) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(theirMinSe);
    }
}
