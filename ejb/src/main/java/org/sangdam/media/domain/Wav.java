package org.sangdam.media.domain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * WAV decoding to what the media engine plays: 8 kHz mono 16-bit PCM. Shared by the media engine
 * ({@code org.sangdam.media.Prompts}) and the prompt uploads of the admin API, so a file the
 * upload accepts is exactly a file the engine can play.
 *
 * <p><b>Accepted:</b> RIFF/WAVE with PCM 8-bit (unsigned) or 16-bit (signed), or G.711
 * A-law / mu-law (8-bit), also as WAVE_FORMAT_EXTENSIBLE; mono or stereo (stereo is averaged to
 * mono); sample rates 8,000-48,000 Hz, resampled to 8 kHz by a windowed-sinc low-pass (cut at
 * 3.6 kHz) followed by linear interpolation; at most {@value #MAX_SECONDS} s. Anything else is
 * refused with an {@link IllegalArgumentException} whose message says why.
 */
public final class Wav {
    /** Longest audio accepted (30 minutes: a music-on-hold file may be long, not unbounded). */
    public static final int MAX_SECONDS = 1800;
    public static final int RATE = 8000;

    private Wav() {
    }

    /**
     * Reads a WAV file into 8 kHz mono samples.
     *
     * @throws IllegalArgumentException when it is not a WAV the engine can play, with the reason
     */
    public static short[] decode(byte[] wav) {
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


    /** 8 kHz mono samples as a canonical 16-bit PCM WAV file (44-byte header). */
    public static byte[] encode(short[] samples) {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** Samples as little-endian 16-bit PCM bytes (what the prompt store keeps). */
    public static byte[] toPcm(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** Little-endian 16-bit PCM bytes back to samples. */
    public static short[] fromPcm(byte[] pcm) {
        short[] out = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }
}
