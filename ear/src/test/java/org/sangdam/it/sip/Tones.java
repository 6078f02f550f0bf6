package org.sangdam.it.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a recording sounds like, for the audio assertions: a Goertzel filter over
 * 20 ms blocks tells how much of each block's energy is one frequency (1.0 for a
 * pure tone of it, near 0 for anything else). A block "has" a tone when that share
 * is above one half and the block is not silence.
 */
final class Tones {
    private static final double SILENCE_RMS = 300; // of 32768

    private Tones() {
    }

    /** 16-bit PCM mono samples and the rate, from a RIFF WAV file (as baresip's sndfile writes) */
    record Wav(short[] samples, int rate) {
        static Wav read(Path file) {
            try {
                ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
                int rate = 8000;
                int channels = 1;
                int pos = 12;
                while (pos + 8 <= b.limit()) {
                    String id = new String(b.array(), pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
                    int size = b.getInt(pos + 4);
                    if (id.equals("fmt ")) {
                        channels = b.getShort(pos + 10);
                        rate = b.getInt(pos + 12);
                    } else if (id.equals("data")) {
                        // to the end of the file: a recording still being written has not updated its sizes yet
                        int end = b.limit();
                        int frames = (end - pos - 8) / (2 * channels);
                        short[] out = new short[frames];
                        for (int i = 0; i < frames; i++) {
                            out[i] = b.getShort(pos + 8 + i * 2 * channels);
                        }
                        return new Wav(out, rate);
                    }
                    pos += 8 + size + (size & 1);
                }
                return new Wav(new short[0], rate);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** the RMS level of the whole file, 0 to 1 */
    static double rms(Path file) {
        return rms(file, 0);
    }

    /** the RMS level from sample {@code from} on, 0 to 1 */
    static double rms(Path file, int from) {
        short[] s = Wav.read(file).samples();
        double sum = 0;
        for (int i = from; i < s.length; i++) {
            sum += (double) s[i] * s[i];
        }
        return s.length <= from ? 0 : Math.sqrt(sum / (s.length - from)) / 32768.0;
    }

    /** the number of 20 ms blocks of the file in which {@code hz} dominates */
    static int blocksWith(Path file, double hz) {
        return blocksWith(file, hz, 0);
    }

    /** the samples recorded so far */
    static int length(Path file) {
        return Wav.read(file).samples().length;
    }

    /** as above, from sample {@code from} on (to look at what was heard after a moment) */
    static int blocksWith(Path file, double hz, int from) {
        Wav wav = Wav.read(file);
        int n = wav.rate() / 50;
        int count = 0;
        for (int start = from; start + n <= wav.samples().length; start += n) {
            if (share(wav.samples(), start, n, hz, wav.rate()) > 0.5) {
                count++;
            }
        }
        return count;
    }

    /** the share of the block's energy at {@code hz}, 0 for silence */
    static double share(short[] s, int start, int n, double hz, int rate) {
        double energy = 0;
        for (int i = start; i < start + n; i++) {
            energy += (double) s[i] * s[i];
        }
        if (Math.sqrt(energy / n) < SILENCE_RMS) {
            return 0;
        }
        double k = Math.round(n * hz / rate);
        double w = 2 * Math.PI * k / n;
        double coeff = 2 * Math.cos(w);
        double q1 = 0;
        double q2 = 0;
        for (int i = start; i < start + n; i++) {
            double q0 = coeff * q1 - q2 + s[i];
            q2 = q1;
            q1 = q0;
        }
        double power = q1 * q1 + q2 * q2 - coeff * q1 * q2;
        // a pure tone at a bin centre puts (n/2)·energy into its bin
        return Math.min(1.0, power / (energy * n / 2));
    }
}
