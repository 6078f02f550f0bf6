package org.sangdam.media;

/**
 * The server's RTP media (issue 5, part 5): the server anchors every call's audio.
 * One {@link MediaLeg} per SIP call leg; legs are bridged (audio relayed both ways)
 * or hear prompts and music. Pure Java (java.nio), no container: the SIP handlers
 * open, bridge and close legs; the rules of who hears what live in the call flow.
 *
 * <p>The implementation is {@code RtpMediaEngine}, created with {@link MediaSettings}.
 */
public interface MediaEngine extends AutoCloseable {
    /**
     * Opens an RTP endpoint for a leg: an even port from the configured range (RTCP = port + 1).
     *
     * @throws IllegalStateException when no port pair in the range is free (the SIP layer answers 503)
     */
    MediaLeg openLeg(String label);

    /**
     * Relays audio between two legs, both ways. Ends playback on both and any earlier
     * bridge of either leg. Sequence numbers, timestamps and SSRC seen by each far end
     * stay continuous when a leg is re-bridged (the far end must not see a jump).
     */
    void bridge(MediaLeg a, MediaLeg b);

    /** Ends the relay of this leg's bridge; both legs hear silence until something is played. */
    void unbridge(MediaLeg leg);

    /** Legs open, packets relayed and dropped, for health and benchmarks. */
    MediaStats stats();

    /** Closes every leg and the I/O thread(s). */
    @Override
    void close();
}
