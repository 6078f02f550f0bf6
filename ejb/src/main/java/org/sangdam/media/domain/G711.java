package org.sangdam.media.domain;

/**
 * G.711 µ-law (PCMU) and A-law (PCMA), ITU-T G.711, pure Java tables: 16-bit linear PCM
 * to 8-bit code and back, and direct µ-law↔A-law transcoding tables for the relay.
 */
public final class G711 {
    private static final int[] ALAW_SEG_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];
    private static final byte[] ULAW_ENCODE = new byte[65536];
    private static final byte[] ALAW_ENCODE = new byte[65536];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_DECODE[i] = (short) decodeUlaw(i);
            ALAW_DECODE[i] = (short) decodeAlaw(i);
        }
        for (int s = -32768; s <= 32767; s++) {
            ULAW_ENCODE[s & 0xFFFF] = (byte) encodeUlaw(s);
            ALAW_ENCODE[s & 0xFFFF] = (byte) encodeAlaw(s);
        }
        for (int i = 0; i < 256; i++) {
            ULAW_TO_ALAW[i] = ALAW_ENCODE[ULAW_DECODE[i] & 0xFFFF];
            ALAW_TO_ULAW[i] = ULAW_ENCODE[ALAW_DECODE[i] & 0xFFFF];
        }
    }

    private G711() {
    }

    public static short ulawToLinear(byte code) {
        return ULAW_DECODE[code & 0xFF];
    }

    public static short alawToLinear(byte code) {
        return ALAW_DECODE[code & 0xFF];
    }

    public static byte linearToUlaw(short sample) {
        return ULAW_ENCODE[sample & 0xFFFF];
    }

    public static byte linearToAlaw(short sample) {
        return ALAW_ENCODE[sample & 0xFFFF];
    }

    public static byte ulawToAlaw(byte code) {
        return ULAW_TO_ALAW[code & 0xFF];
    }

    public static byte alawToUlaw(byte code) {
        return ALAW_TO_ULAW[code & 0xFF];
    }

    private static int encodeUlaw(int sample) {
        final int bias = 0x84;
        final int clip = 32635;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        if (sample > clip) {
            sample = clip;
        }
        sample += bias;
        int exponent = 31 - Integer.numberOfLeadingZeros((sample >> 7) & 0xFF);
        if (exponent < 0) {
            exponent = 0;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return ~(sign | (exponent << 4) | mantissa) & 0xFF;
    }

    private static int decodeUlaw(int code) {
        int u = ~code & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int sample = (((mantissa << 3) + 0x84) << exponent) - 0x84;
        return sign != 0 ? -sample : sample;
    }

    private static int encodeAlaw(int sample) {
        int pcm = sample >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int seg = 0;
        while (seg < 8 && pcm > ALAW_SEG_END[seg]) {
            seg++;
        }
        if (seg >= 8) {
            return (0x7F ^ mask) & 0xFF;
        }
        int aval = seg << 4;
        aval |= seg < 2 ? (pcm >> 1) & 0x0F : (pcm >> seg) & 0x0F;
        return (aval ^ mask) & 0xFF;
    }

    private static int decodeAlaw(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        switch (seg) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= seg - 1;
            }
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
