package org.sangdam.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.sangdam.media.domain.Wav;

/**
 * Prompts for {@link MediaLeg#play}: WAV files converted once, at load time, to 8 kHz mono
 * 16-bit PCM, and generated tones.
 *
 * <p><b>WAV accepted:</b> RIFF/WAVE with PCM 8-bit (unsigned) or 16-bit (signed), or G.711
 * A-law / µ-law (8-bit), also as WAVE_FORMAT_EXTENSIBLE; mono or stereo (stereo is averaged to
 * mono); sample rates 8,000-48,000 Hz, resampled to 8 kHz by a windowed-sinc low-pass (cut at
 * 3.6 kHz) followed by linear interpolation; at most {@value #MAX_SECONDS} s. Anything else is
 * refused with an {@link IllegalArgumentException} whose message says why (the admin upload
 * shows it).
 *
 * <p><b>Ringback:</b> {@link #ringback()} is the Korean ringing tone, 440 + 480 Hz, 1 s on,
 * 2 s off (the tone the Korean network plays; Korea follows the North American frequencies with
 * its own 1 s / 2 s cadence). {@link #ringbackCept()} is the CEPT/ETSI European tone, 425 Hz,
 * 1 s on, 4 s off, for installations that want it. Both are one cadence period: play them
 * with {@code loop = true}.
 */
public final class Prompts {
    /** Longest prompt accepted (30 minutes: a music-on-hold file may be long, not unbounded). */
    public static final int MAX_SECONDS = Wav.MAX_SECONDS;
    public static final int RATE = Wav.RATE;
    private static final String DEFAULT_MUSIC = "music-on-hold.wav";

    private Prompts() {
    }

    /** A prompt made of 8 kHz mono samples (the array is kept, not copied). */
    public static Prompt of(String name, short[] samples) {
        return new Samples(name, samples);
    }

    public static Prompt load(Path file) {
        try {
            return load(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Prompt load(String name, InputStream wav) throws IOException {
        return load(name, wav.readAllBytes());
    }

    /**
     * Reads a WAV file into an 8 kHz mono prompt.
     *
     * @throws IllegalArgumentException when it is not a WAV this engine can play, with the reason
     */
    public static Prompt load(String name, byte[] wav) {
        return new Samples(name, decode(wav));
    }

    /** The music on hold that ships with the server (see the README beside it); loaded once. */
    public static Prompt defaultMusicOnHold() {
        return Music.DEFAULT;
    }

    /** Made on first use, shared afterwards (a prompt's samples are never modified). */
    private static final class Music {
        static final Prompt DEFAULT = loadDefaultMusic();
    }

    private static final class Tones {
        static final Prompt RINGBACK = tone("ringback (KR)", 1000, 2000, 440, 480);
        static final Prompt RINGBACK_CEPT = tone("ringback (CEPT)", 1000, 4000, 425);
    }

    private static Prompt loadDefaultMusic() {
        try (InputStream in = Prompts.class.getResourceAsStream(DEFAULT_MUSIC)) {
            if (in == null) {
                throw new IllegalStateException("the default music on hold " + DEFAULT_MUSIC + " is missing from the build");
            }
            return load("default music on hold", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Korean ringback: 440 + 480 Hz, 1 s on, 2 s off (one period; loop it). */
    public static Prompt ringback() {
        return Tones.RINGBACK;
    }

    /** CEPT (ETSI) ringback: 425 Hz, 1 s on, 4 s off (one period; loop it). */
    public static Prompt ringbackCept() {
        return Tones.RINGBACK_CEPT;
    }

    /**
     * One period of a cadenced tone: the frequencies summed for {@code onMillis}, then
     * {@code offMillis} of silence. Level about -13 dBm0 in total, like network tones; 5 ms
     * ramps avoid clicks.
     */
    public static Prompt tone(String name, int onMillis, int offMillis, double... frequencies) {
        if (onMillis < 0 || offMillis < 0 || frequencies.length == 0) {
            throw new IllegalArgumentException("a tone needs frequencies and non-negative durations");
        }
        int on = onMillis * RATE / 1000;
        int off = offMillis * RATE / 1000;
        short[] samples = new short[on + off];
        double amplitude = 0.2 * 32767 / frequencies.length;
        int ramp = RATE / 200;
        for (int i = 0; i < on; i++) {
            double v = 0;
            for (double f : frequencies) {
                v += Math.sin(2 * Math.PI * f * i / RATE);
            }
            double gain = Math.min(1.0, Math.min((i + 1) / (double) ramp, (on - i) / (double) ramp));
            samples[i] = (short) Math.round(v * amplitude * gain);
        }
        return new Samples(name, samples);
    }

    static short[] decode(byte[] wav) {
        return Wav.decode(wav);
    }

    private record Samples(String name, short[] samples) implements Prompt {
        @Override
        public String toString() {
            return "Prompt[" + name + ", " + samples.length * 1000L / RATE + " ms]";
        }
    }
}
