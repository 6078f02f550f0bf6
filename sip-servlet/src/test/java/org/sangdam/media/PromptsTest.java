package org.sangdam.media;

import org.junit.jupiter.api.DisplayName;
import org.sangdam.media.domain.G711;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Issue 5 part 5: prompts load from WAV into 8 kHz mono, and bad files are refused with a reason")
class PromptsTest {

    /** A WAV made in the test: {@code signal} gives each frame's value in -1..1, the same on every channel unless stereo differs. */
    static byte[] wav(int format, int rate, int channels, int bits, double seconds, IntToDoubleFunction left, IntToDoubleFunction right) {
        int frames = (int) Math.round(rate * seconds);
        int bytesPerSample = bits / 8;
        int blockAlign = channels * bytesPerSample;
        int data = frames * blockAlign;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        b.put("data".getBytes()).putInt(data);
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                double v = (c == 0 ? left : right).applyAsDouble(f);
                short s = (short) Math.round(v * 32767);
                switch (format) {
                    case 6 -> b.put(G711.linearToAlaw(s));
                    case 7 -> b.put(G711.linearToUlaw(s));
                    default -> {
                        if (bits == 8) {
                            b.put((byte) ((s >> 8) + 128));
                        } else if (bits == 16) {
                            b.putShort(s);
                        } else {
                            for (int i = 0; i < bytesPerSample; i++) {
                                b.put((byte) 0);
                            }
                        }
                    }
                }
            }
        }
        return b.array();
    }

    static IntToDoubleFunction sine(double hz, int rate, double amplitude) {
        return n -> amplitude * Math.sin(2 * Math.PI * hz * n / rate);
    }

    @Test
    @DisplayName("16 kHz stereo 16-bit: both channels mixed down to 8 kHz mono, length kept")
    void stereo16k() {
        byte[] file = wav(1, 16000, 2, 16, 1.0, sine(1000, 16000, 0.5), sine(400, 16000, 0.5));
        Prompt p = Prompts.load("stereo", file);
        assertThat(p.name()).isEqualTo("stereo");
        assertThat(p.samples().length).isBetween(7999, 8001);
        // each channel is half of the mix: both tones are there, at about half the energy each
        assertThat(TestPhone.toneRatio(p.samples(), 1000)).isBetween(0.4, 0.6);
        assertThat(TestPhone.toneRatio(p.samples(), 400)).isBetween(0.4, 0.6);
        assertThat(rms(p.samples())).isBetween(0.9 * 0.5 * 32767 / 2, 1.1 * 0.5 * 32767 / 2);
    }

    @Test
    @DisplayName("44.1 kHz: resampled to 8 kHz, a tone above 4 kHz is filtered out instead of folding back")
    void cd44k() {
        int rate = 44100;
        IntToDoubleFunction tone = sine(1000, rate, 0.4);
        IntToDoubleFunction high = sine(6000, rate, 0.4); // would alias to 2 kHz without the low-pass
        byte[] file = wav(1, rate, 1, 16, 2.0, n -> tone.applyAsDouble(n) + high.applyAsDouble(n), null);
        Prompt p = Prompts.load("cd", file);
        assertThat(p.samples().length).isBetween(15999, 16001);
        short[] middle = java.util.Arrays.copyOfRange(p.samples(), 800, 15200);
        assertThat(TestPhone.toneRatio(middle, 1000)).isGreaterThan(0.98);
        assertThat(TestPhone.toneRatio(middle, 2000)).isLessThan(0.01);
        assertThat(rms(middle)).isBetween(0.9 * 0.4 * 32767 / Math.sqrt(2), 1.1 * 0.4 * 32767 / Math.sqrt(2));
    }

    @Test
    @DisplayName("8-bit PCM, A-law and mu-law WAVs load; 8 kHz mono is taken as it is")
    void otherEncodings() {
        for (int[] f : new int[][]{{1, 8}, {6, 8}, {7, 8}, {1, 16}}) {
            Prompt p = Prompts.load("f" + f[0], wav(f[0], 8000, 1, f[1], 0.5, sine(1000, 8000, 0.5), null));
            assertThat(p.samples()).hasSize(4000);
            assertThat(TestPhone.toneRatio(p.samples(), 1000)).as("format %d/%d bits", f[0], f[1]).isGreaterThan(0.99);
        }
        Prompt wide = Prompts.load("48k", wav(1, 48000, 1, 16, 0.5, sine(300, 48000, 0.5), null));
        assertThat(wide.samples().length).isBetween(3999, 4001);
    }

    @Test
    @DisplayName("the default music on hold ships in the jar: 7 s, 8 kHz, not silence")
    void defaultMusic() {
        Prompt music = Prompts.defaultMusicOnHold();
        assertThat(music.samples()).hasSize(7 * 8000);
        assertThat(rms(music.samples())).isGreaterThan(1000);
    }

    @Test
    @DisplayName("tones: Korean ringback 440+480 Hz 1 s on 2 s off; CEPT 425 Hz 1 s on 4 s off")
    void tones() {
        Prompt kr = Prompts.ringback();
        assertThat(kr.samples()).hasSize(3 * 8000);
        short[] on = java.util.Arrays.copyOfRange(kr.samples(), 0, 8000);
        assertThat(TestPhone.toneRatio(on, 440) + TestPhone.toneRatio(on, 480)).isGreaterThan(0.95);
        assertThat(rms(java.util.Arrays.copyOfRange(kr.samples(), 8000, 24000))).isZero();
        Prompt cept = Prompts.ringbackCept();
        assertThat(cept.samples()).hasSize(5 * 8000);
        assertThat(TestPhone.toneRatio(java.util.Arrays.copyOfRange(cept.samples(), 0, 8000), 425)).isGreaterThan(0.95);
    }

    @Test
    @DisplayName("anything else is refused with the reason, for the admin upload to show")
    void refused() {
        assertThatThrownBy(() -> Prompts.load("x", "hello, not a wav".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no RIFF header");
        assertThatThrownBy(() -> Prompts.load("x", new byte[3])).hasMessageContaining("too short");
        assertThatThrownBy(() -> Prompts.load("float", wav(3, 8000, 1, 32, 0.1, n -> 0, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IEEE float").hasMessageContaining("16-bit PCM");
        assertThatThrownBy(() -> Prompts.load("24", wav(1, 8000, 1, 24, 0.1, n -> 0, null)))
                .hasMessageContaining("24-bit PCM is not supported");
        assertThatThrownBy(() -> Prompts.load("surround", wav(1, 8000, 6, 16, 0.1, n -> 0, n -> 0)))
                .hasMessageContaining("6 channels");
        assertThatThrownBy(() -> Prompts.load("96k", wav(1, 96000, 1, 16, 0.1, n -> 0, null)))
                .hasMessageContaining("96000 Hz");
        assertThatThrownBy(() -> Prompts.load("4k", wav(1, 4000, 1, 16, 0.1, n -> 0, null)))
                .hasMessageContaining("4000 Hz");
        assertThatThrownBy(() -> Prompts.load("empty", wav(1, 8000, 1, 16, 0, n -> 0, null)))
                .hasMessageContaining("no audio");
        byte[] noData = java.util.Arrays.copyOf(wav(1, 8000, 1, 16, 0.1, n -> 0, null), 36);
        assertThatThrownBy(() -> Prompts.load("nodata", noData)).hasMessageContaining("without a data chunk");
        byte[] wave = wav(1, 8000, 1, 16, 0.1, n -> 0, null);
        wave[8] = 'A';
        assertThatThrownBy(() -> Prompts.load("avi", wave)).hasMessageContaining("not WAVE");
    }

    static double rms(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }
}
