package org.sangdam.phone.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sangdam.common.domain.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R1.4 CTI numbers (extensions, 내선번호)")
class ExtensionsTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @DisplayName("R1.4 an extension of 3 to 6 digits not starting with 0 is accepted, blanks around it dropped")
    @CsvSource(delimiter = '|', value = {
            "100       | 100",
            "1001      | 1001",
            "99999     | 99999",
            "999999    | 999999",
            "' 1002 ' | 1002",
    })
    void good(String input, String expected) {
        assertThat(Extensions.normalise("ctiNumber", input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("R1.4 a malformed extension is refused naming the field")
    @ValueSource(strings = {"1", "12", "0100", "012", "1234567", "10a1", "10-01", "1 001", "+1001", "１００１"})
    void bad(String input) {
        assertThatThrownBy(() -> Extensions.normalise("ctiNumber", input))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("ctiNumber must be an extension of 3 to 6 digits not starting with 0")
                .hasMessageContaining(input)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("ctiNumber");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("R1.4 a missing extension is refused as required")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void missing(String input) {
        assertThatThrownBy(() -> Extensions.normalise("ctiNumber", input))
                .isInstanceOf(ValidationException.class)
                .hasMessage("ctiNumber is required")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("ctiNumber");
    }
}
