package org.sangdam.media;

import java.util.function.IntConsumer;

/**
 * One call leg's RTP endpoint. SDP in and out as text (the SIP layer puts it in the
 * message body). Audio is G.711 (PCMU or PCMA) at 8 kHz with RFC 4733 telephone-events.
 */
public interface MediaLeg {
    String label();

    /** The address in this leg's SDP (c=) and the RTP port (m=). */
    String localAddress();

    int localPort();

    /**
     * Answers a remote SDP offer: picks the first of the offer's codecs we support,
     * learns the far end's address and port (symmetric RTP: later packets from elsewhere
     * are ignored unless they come from the learnt source), returns our SDP answer.
     *
     * @throws NoCommonCodecException when the offer has no codec we support (SIP 488)
     */
    String answer(String remoteOfferSdp);

    /** Our SDP offer: PCMU, PCMA and telephone-event/8000. */
    String offer();

    /**
     * Applies the far end's answer to our {@link #offer()}.
     *
     * @throws NoCommonCodecException when the answer picked nothing we offered
     */
    void answered(String remoteAnswerSdp);

    /**
     * Plays a prompt to this leg (the far end hears it); {@code loop} repeats it (music).
     * Replaces any playback and takes the leg out of a bridge's sending side while it plays.
     * {@code onEnd} runs once when a non-looping prompt has been sent completely (not on stop).
     */
    void play(Prompt prompt, boolean loop, Runnable onEnd);

    /** Stops playback; the far end hears silence (or the bridge again, if bridged). */
    void stopPlaying();

    /** Called with each RFC 4733 digit ('0'-'9', '*', '#', 'A'-'D') the far end sends, once per digit. */
    void onDigit(IntConsumer listener);

    /** Milliseconds since the last RTP packet from the far end (for RTP-timeout detection). */
    long millisSinceLastPacket();

    /**
     * Starts writing what the far end sends, decoded to 8 kHz 16-bit mono PCM, to a WAV file
     * (replacing an earlier recording of this leg); for call recording (issue 7). A default
     * method so that test doubles of this interface need not implement it.
     *
     * @throws java.io.IOException when the file cannot be created
     */
    default void startRecording(java.nio.file.Path wavFile) throws java.io.IOException {
        throw new UnsupportedOperationException("this media leg does not record");
    }

    /**
     * Feeds what the far end sends into one channel of a call's {@link CallRecording}
     * (replacing any earlier recording of this leg); {@link #stopRecording()} ends it.
     */
    default void recordInto(CallRecording recording, int channel) {
        throw new UnsupportedOperationException("this media leg does not record");
    }

    /** Ends the recording (the WAV header gets its sizes). Does nothing if not recording. */
    default void stopRecording() {
    }

    /** Frees the ports; the leg no longer sends or receives. Idempotent. */
    void close();
}
