package org.sangdam.b2bua;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sangdam.media.Prompt;
import org.sangdam.prompt.domain.PromptRules;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in prompts ship in the build, are speech-length and audible; unknown names are skipped, not errors. */
class PromptLibraryTest {

    @ParameterizedTest
    @ValueSource(strings = {"default-greeting", "default-closed", "default-please-wait", "default-call-later", "default-abusive"})
    void eachBuiltInPromptShipsAsAudibleSpeech(String name) {
        Prompt prompt = PromptLibrary.builtIn(name).orElseThrow();
        short[] s = prompt.samples();
        assertThat(s.length).as("length in samples at 8 kHz").isBetween(3 * 8000, 20 * 8000);
        assertThat(rms(s, 0, s.length / 2)).as("the Korean half is not silence").isGreaterThan(1000);
        assertThat(rms(s, s.length / 2, s.length)).as("the English half is not silence").isGreaterThan(1000);
        assertThat(PromptRules.BUILT_IN).as("the prompt store reserves the name").contains(name);
    }

    @Test
    void everyNameThePromptStoreReservesIsPlayable() {
        for (String name : PromptRules.BUILT_IN) {
            assertThat(PromptLibrary.builtIn(name)).as(name).isPresent();
        }
    }

    @Test
    void unknownOrOddNamesFindNothing() {
        assertThat(PromptLibrary.builtIn("no-such-prompt")).isEqualTo(Optional.empty());
        assertThat(PromptLibrary.builtIn("../music-on-hold")).isEqualTo(Optional.empty());
        assertThat(new PromptLibrary().find(null, null)).isEmpty();
        assertThat(new PromptLibrary().find(null, "no-such-prompt")).isEmpty();
    }

    private static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
