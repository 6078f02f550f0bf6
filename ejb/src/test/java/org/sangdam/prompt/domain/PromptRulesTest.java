package org.sangdam.prompt.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.common.domain.ValidationException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R1.3 prompt uploads: names, built-ins and the media engine's WAV rules")
class PromptRulesTest {

    @Test
    @DisplayName("R1.3 a 16 kHz stereo WAV of 1.5 s becomes 12,000 samples at 8 kHz mono, 1,500 ms")
    void converts() {
        short[] samples = PromptRules.decode(wav(16000, 2, 24000));
        assertThat(samples).hasSize(12000);
        assertThat(PromptRules.durationMillis(samples)).isEqualTo(1500);
    }

    @Test
    @DisplayName("R1.3 a bad file is refused on field 'file' with the decoder's reason")
    void refusesBadFiles() {
        assertThatThrownBy(() -> PromptRules.decode("this is not audio".getBytes()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("file"))
                .hasMessageContaining("RIFF");
        assertThatThrownBy(() -> PromptRules.decode(wav(96000, 1, 100)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("96000 Hz");
        assertThatThrownBy(() -> PromptRules.decode(new byte[0])).hasMessageContaining("no file");
    }

    @Test
    @DisplayName("R1.3 names follow the scenario prompt rule and built-in names are reserved")
    void names() {
        assertThat(PromptRules.newName("moh-jazz_2")).isEqualTo("moh-jazz_2");
        assertThatThrownBy(() -> PromptRules.newName("Jazz Music"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> PromptRules.newName("default-moh")).hasMessageContaining("built-in");
    }

    /** a 16-bit PCM WAV of a 440 Hz tone */
    static byte[] wav(int rate, int channels, int frames) {
        ByteBuffer b = ByteBuffer.allocate(44 + frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * channels * 2).put("WAVE".getBytes())
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16)
                .put("data".getBytes()).putInt(frames * channels * 2);
        for (int i = 0; i < frames; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            for (int c = 0; c < channels; c++) {
                b.putShort(s);
            }
        }
        return b.array();
    }
}
