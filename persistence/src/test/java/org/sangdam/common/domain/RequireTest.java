package org.sangdam.common.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R1.3/R1.4/R1.5/R1.6 required fields and input checks")
class RequireTest {

    private static void assertRefused(Runnable call, String field, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(ValidationException.class)
                .hasMessage(message)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo(field);
    }

    @Test
    @DisplayName("R1.3/R1.5 text is stripped and accepted up to the maximum length")
    void text() {
        assertThat(Require.text("name", "  Demo Helpdesk \t", 13)).isEqualTo("Demo Helpdesk");
        assertThat(Require.text("name", "상담", 2)).isEqualTo("상담");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("R1.3/R1.5 missing required text is refused naming the field")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void textMissing(String value) {
        assertRefused(() -> Require.text("name", value, 10), "name", "name is required");
    }

    @Test
    @DisplayName("R1.3/R1.5 text longer than the maximum (after stripping) is refused")
    void textTooLong() {
        assertRefused(() -> Require.text("name", "abcdefghijk", 10), "name", "name must be at most 10 characters");
        assertThat(Require.text("name", "  abcdefghij  ", 10)).isEqualTo("abcdefghij");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("R1.3 optional text: missing is null, present is checked like required text")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void optionalTextMissing(String value) {
        assertThat(Require.optionalText("note", value, 5)).isNull();
    }

    @Test
    @DisplayName("R1.3 optional text that is present is stripped and length-checked")
    void optionalTextPresent() {
        assertThat(Require.optionalText("note", " hi ", 5)).isEqualTo("hi");
        assertRefused(() -> Require.optionalText("note", "toolong", 5), "note", "note must be at most 5 characters");
    }

    @Test
    @DisplayName("R1.4 matching: a value fitting the pattern is accepted, others refused with the rule")
    void matching() {
        Pattern ctiId = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
        assertThat(Require.matching("ctiId", " agent1 ", ctiId, "must be 3 to 32 lower-case letters or digits"))
                .isEqualTo("agent1");
        assertRefused(() -> Require.matching("ctiId", "Agent 1", ctiId, "must be 3 to 32 lower-case letters or digits"),
                "ctiId", "ctiId must be 3 to 32 lower-case letters or digits");
        assertRefused(() -> Require.matching("ctiId", null, ctiId, "rule"), "ctiId", "ctiId is required");
        assertRefused(() -> Require.matching("ctiId", "a".repeat(256), Pattern.compile("a+"), "rule"),
                "ctiId", "ctiId must be at most 255 characters");
    }

    @Test
    @DisplayName("R1.3 range: bounds are inclusive, outside and missing are refused")
    void range() {
        assertThat(Require.range("recallSeconds", 5, 5, 120)).isEqualTo(5);
        assertThat(Require.range("recallSeconds", 15, 5, 120)).isEqualTo(15);
        assertThat(Require.range("recallSeconds", 120, 5, 120)).isEqualTo(120);
        assertRefused(() -> Require.range("recallSeconds", 4, 5, 120), "recallSeconds", "recallSeconds must be between 5 and 120");
        assertRefused(() -> Require.range("recallSeconds", 121, 5, 120), "recallSeconds", "recallSeconds must be between 5 and 120");
        assertRefused(() -> Require.range("recallSeconds", null, 5, 120), "recallSeconds", "recallSeconds is required");
    }

    @Test
    @DisplayName("R1.3 present: a missing value is refused naming the field")
    void present() {
        Object o = new Object();
        assertThat(Require.present("scenario", o)).isSameAs(o);
        assertRefused(() -> Require.present("scenario", null), "scenario", "scenario is required");
    }
}
