package org.sangdam.media.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Issue 5 part 5: G.711 mu-law and A-law tables")
class G711Test {

    @Test
    @DisplayName("known code points: silence, full scale, sign")
    void knownCodes() {
        assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToAlaw((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(G711.linearToUlaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
    }

    @Test
    @DisplayName("every code decodes and encodes back to itself; encoding error stays within the segment's step")
    void roundTrips() {
        for (int code = 0; code < 256; code++) {
            byte c = (byte) code;
            if (code != 0x7F) { // mu-law has two zeros (0x7F and 0xFF); 0x7F decodes to 0, which encodes as 0xFF
                assertThat(G711.linearToUlaw(G711.ulawToLinear(c))).as("mu %02x", code).isEqualTo(c);
            }
            assertThat(G711.linearToAlaw(G711.alawToLinear(c))).as("A %02x", code).isEqualTo(c);
        }
        for (int s = -32768; s <= 32767; s += 7) {
            short x = (short) s;
            int tolerance = Math.max(16, Math.abs(s) / 16);
            assertThat(Math.abs(G711.ulawToLinear(G711.linearToUlaw(x)) - s)).as("mu %d", s).isLessThanOrEqualTo(tolerance + 132);
            assertThat(Math.abs(G711.alawToLinear(G711.linearToAlaw(x)) - s)).as("A %d", s).isLessThanOrEqualTo(tolerance + 16);
        }
    }

    @Test
    @DisplayName("transcoding tables agree with decode-then-encode")
    void transcoding() {
        for (int code = 0; code < 256; code++) {
            byte c = (byte) code;
            assertThat(G711.ulawToAlaw(c)).isEqualTo(G711.linearToAlaw(G711.ulawToLinear(c)));
            assertThat(G711.alawToUlaw(c)).isEqualTo(G711.linearToUlaw(G711.alawToLinear(c)));
        }
    }
}
