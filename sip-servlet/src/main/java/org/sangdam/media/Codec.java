package org.sangdam.media;

import org.sangdam.media.domain.G711;

/** The audio codecs the engine speaks: G.711 at 8 kHz, 20 ms frames of 160 bytes. */
enum Codec {
    PCMU(0), PCMA(8);

    final int staticPayloadType;

    Codec(int staticPayloadType) {
        this.staticPayloadType = staticPayloadType;
    }

    byte encode(short sample) {
        return this == PCMU ? G711.linearToUlaw(sample) : G711.linearToAlaw(sample);
    }

    short decode(byte code) {
        return this == PCMU ? G711.ulawToLinear(code) : G711.alawToLinear(code);
    }

    /** One byte of this codec as the other codec. */
    byte transcodeTo(Codec target, byte code) {
        if (target == this) {
            return code;
        }
        return this == PCMU ? G711.ulawToAlaw(code) : G711.alawToUlaw(code);
    }

    static Codec byName(String encodingName) {
        for (Codec c : values()) {
            if (c.name().equalsIgnoreCase(encodingName)) {
                return c;
            }
        }
        return null;
    }
}
