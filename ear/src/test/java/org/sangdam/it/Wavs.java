package org.sangdam.it;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** WAV files made in the test, as an administrator's recording tool would write them. */
final class Wavs {
    private Wavs() {
    }

    /** a 440 Hz tone as 16-bit PCM at {@code rate} Hz with {@code channels} channels, {@code millis} long */
    static byte[] tone(int rate, int channels, int millis) {
        int frames = (int) ((long) rate * millis / 1000);
        int data = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + data).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16)
                .put(ascii("data")).putInt(data);
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            for (int c = 0; c < channels; c++) {
                b.putShort(s);
            }
        }
        return b.array();
    }

    /** a WAV header claiming 32-bit IEEE float: a format the media engine refuses */
    static byte[] floatWav() {
        ByteBuffer b = ByteBuffer.allocate(44 + 800).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + 800).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16).putShort((short) 3).putShort((short) 1).putInt(8000)
                .putInt(32000).putShort((short) 4).putShort((short) 32)
                .put(ascii("data")).putInt(800);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
