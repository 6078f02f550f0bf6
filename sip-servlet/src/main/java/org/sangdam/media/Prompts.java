package org.sangdam.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

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
    public static final int MAX_SECONDS = 1800;
    public static final int RATE = 8000;
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

    // ------------------------------------------------------------------ WAV

    static short[] decode(byte[] wav) {
        if (wav == null || wav.length < 12) {
            throw new IllegalArgumentException("not a WAV file: too short for a RIFF header");
        }
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (!tag(wav, 0, "RIFF")) {
            throw new IllegalArgumentException(tag(wav, 0, "RIFX") ? "big-endian WAV (RIFX) is not supported"
                    : "not a WAV file: no RIFF header");
        }
        if (!tag(wav, 8, "WAVE")) {
            throw new IllegalArgumentException("not a WAV file: RIFF but not WAVE");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int blockAlign = 0;
        int bits = 0;
        int dataOffset = -1;
        int dataLength = 0;
        int pos = 12;
        while (pos + 8 <= wav.length) {
            String id = new String(wav, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > wav.length) {
                    throw new IllegalArgumentException("WAV fmt chunk is truncated");
                }
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                blockAlign = b.getShort(body + 12) & 0xFFFF;
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == 0xFFFE) {
                    if (size < 40 || body + 26 > wav.length) {
                        throw new IllegalArgumentException("WAV extensible fmt chunk is truncated");
                    }
                    format = b.getShort(body + 24) & 0xFFFF; // the sub-format GUID starts with the format tag
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new IllegalArgumentException("WAV data chunk comes before its fmt chunk");
                }
                dataOffset = body;
                dataLength = (int) Math.min(size, wav.length - body); // a truncated or streamed file: what is there
                break;
            }
            long next = body + size + (size & 1);
            if (next > wav.length) {
                break;
            }
            pos = (int) next;
        }
        if (format < 0) {
            throw new IllegalArgumentException("WAV file without a fmt chunk");
        }
        String encoding = switch (format) {
            case 1 -> "PCM";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            default -> null;
        };
        if (encoding == null) {
            throw new IllegalArgumentException("WAV encoding " + formatName(format)
                    + " is not supported: use 8- or 16-bit PCM, A-law or mu-law");
        }
        if (format == 1 && bits != 8 && bits != 16) {
            throw new IllegalArgumentException(bits + "-bit PCM is not supported: use 8- or 16-bit PCM");
        }
        if (format != 1 && bits != 8) {
            throw new IllegalArgumentException(encoding + " WAV must have 8 bits per sample, not " + bits);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException(channels + " channels are not supported: use mono or stereo");
        }
        if (rate < 8000 || rate > 48000) {
            throw new IllegalArgumentException("sample rate " + rate + " Hz is not supported: use 8,000 to 48,000 Hz");
        }
        int bytesPerSample = bits / 8;
        if (blockAlign != channels * bytesPerSample) {
            throw new IllegalArgumentException("WAV block align " + blockAlign + " does not match " + channels
                    + " channel(s) of " + bits + " bits");
        }
        if (dataOffset < 0) {
            throw new IllegalArgumentException("WAV file without a data chunk");
        }
        int frames = dataLength / blockAlign;
        if (frames == 0) {
            throw new IllegalArgumentException("WAV file has no audio");
        }
        if ((long) frames > (long) MAX_SECONDS * rate) {
            throw new IllegalArgumentException("WAV file is longer than " + MAX_SECONDS / 60 + " minutes");
        }
        float[] mono = new float[frames];
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = dataOffset + f * blockAlign + c * bytesPerSample;
                sum += switch (format) {
                    case 6 -> G711.alawToLinear(wav[at]);
                    case 7 -> G711.ulawToLinear(wav[at]);
                    default -> bits == 8 ? ((wav[at] & 0xFF) - 128) << 8 : b.getShort(at);
                };
            }
            mono[f] = sum / channels;
        }
        return toShorts(resample(mono, rate));
    }

    private static String formatName(int format) {
        return switch (format) {
            case 2 -> "MS ADPCM (2)";
            case 3 -> "IEEE float (3)";
            case 0x11 -> "IMA ADPCM (0x11)";
            case 0x31 -> "GSM 6.10 (0x31)";
            case 0x55 -> "MP3 (0x55)";
            default -> "format tag " + format;
        };
    }

    private static boolean tag(byte[] data, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (data[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** To 8 kHz: a windowed-sinc low-pass at 3.6 kHz (Blackman), then linear interpolation. */
    static float[] resample(float[] in, int rate) {
        if (rate == RATE) {
            return in;
        }
        double cutoff = 3600.0 / rate; // cycles per input sample
        int half = (int) Math.ceil(4.0 * rate / 1000.0); // ~4 ms each side: 32 taps at 8 kHz, 192 at 48 kHz
        double[] taps = new double[2 * half + 1];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            double x = i == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * i) / (Math.PI * i);
            double w = 0.42 + 0.5 * Math.cos(Math.PI * i / half) + 0.08 * Math.cos(2 * Math.PI * i / half);
            taps[i + half] = x * w;
            sum += taps[i + half];
        }
        for (int i = 0; i < taps.length; i++) {
            taps[i] /= sum;
        }
        double step = rate / (double) RATE;
        int outLength = (int) Math.floor((in.length - 1) / step) + 1;
        float[] out = new float[outLength];
        for (int o = 0; o < outLength; o++) {
            double at = o * step;
            int i0 = (int) Math.floor(at);
            double frac = at - i0;
            double a = filtered(in, i0, taps, half);
            double v = frac == 0 ? a : a + (filtered(in, i0 + 1, taps, half) - a) * frac;
            out[o] = (float) v;
        }
        return out;
    }

    private static double filtered(float[] in, int center, double[] taps, int half) {
        if (center >= in.length) {
            center = in.length - 1;
        }
        double acc = 0;
        int from = Math.max(0, center - half);
        int to = Math.min(in.length - 1, center + half);
        for (int i = from; i <= to; i++) {
            acc += in[i] * taps[i - center + half];
        }
        return acc;
    }

    private static short[] toShorts(float[] in) {
        short[] out = new short[in.length];
        for (int i = 0; i < in.length; i++) {
            float v = Math.round(in[i]);
            out[i] = (short) Math.max(-32768, Math.min(32767, v));
        }
        return out;
    }

    private record Samples(String name, short[] samples) implements Prompt {
        @Override
        public String toString() {
            return "Prompt[" + name + ", " + samples.length * 1000L / RATE + " ms]";
        }
    }
}
