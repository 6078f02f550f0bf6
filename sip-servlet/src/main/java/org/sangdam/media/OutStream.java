package org.sangdam.media;

/**
 * What one far end sees from us: our SSRC, sequence numbers and timestamps. Relay and
 * playback both go through here, so the far end sees one continuous stream whatever it is
 * bridged to or whatever is played. When the source changes (another leg, another SSRC from
 * the same leg, a prompt), the new source is mapped so that the sequence number goes on by one
 * and the timestamp advances by the time elapsed since our last audio packet (at least one
 * 20 ms frame), with the marker bit set on that first packet.
 *
 * <p>Called from the I/O thread (relay) and the ticker (playback): methods are synchronized.
 */
final class OutStream {
    static final long MASK32 = 0xFFFFFFFFL;
    static final int FRAME = 160;

    final int ssrc;
    private int seq;
    private long ts;
    private long lastAudioNanos;
    private boolean started;
    private Object source;
    private int sourceSsrc;
    private int seqOffset;
    private long tsOffset;

    OutStream(int ssrc, int initialSeq, long initialTs) {
        this.ssrc = ssrc;
        this.seq = initialSeq & 0xFFFF;
        this.ts = initialTs & MASK32;
    }

    /** Packs sequence (bits 32-47), timestamp (bits 0-31) and marker (bit 48). */
    static long pack(int seq, long ts, boolean marker) {
        return (ts & MASK32) | ((long) (seq & 0xFFFF) << 32) | (marker ? 1L << 48 : 0L);
    }

    static int seqOf(long packed) {
        return (int) ((packed >>> 32) & 0xFFFF);
    }

    static long tsOf(long packed) {
        return packed & MASK32;
    }

    static boolean markerOf(long packed) {
        return (packed & (1L << 48)) != 0;
    }

    private long nextTimestamp(long now) {
        if (!started) {
            return ts;
        }
        long elapsed = Math.round((now - lastAudioNanos) * 8.0 / 1_000_000.0);
        return (ts + Math.max(FRAME, elapsed)) & MASK32;
    }

    /** Maps a relayed packet of {@code sourceLeg}'s stream (its SSRC, sequence, timestamp) onto ours. */
    synchronized long relay(Object sourceLeg, int inSsrc, int inSeq, long inTs, boolean audio, long now) {
        boolean marker = false;
        if (sourceLeg != source || inSsrc != sourceSsrc) {
            long base = nextTimestamp(now);
            seqOffset = (seq + 1 - inSeq) & 0xFFFF;
            tsOffset = (base - inTs) & MASK32;
            source = sourceLeg;
            sourceSsrc = inSsrc;
            marker = audio;
        }
        int outSeq = (inSeq + seqOffset) & 0xFFFF;
        long outTs = (inTs + tsOffset) & MASK32;
        if (((outSeq - seq) & 0xFFFF) < 0x8000) {
            seq = outSeq;
            if (audio) {
                ts = outTs;
                lastAudioNanos = now;
            }
        }
        started = true;
        return pack(outSeq, outTs, marker);
    }

    /** The next 20 ms frame of a prompt ({@code playback} identifies it). */
    synchronized long play(Object playback, long now) {
        boolean marker = false;
        if (playback != source) {
            ts = nextTimestamp(now);
            source = playback;
            sourceSsrc = 0;
            marker = true;
        } else {
            ts = (ts + FRAME) & MASK32;
        }
        seq = (seq + 1) & 0xFFFF;
        lastAudioNanos = now;
        started = true;
        return pack(seq, ts, marker);
    }
}
