package org.sangdam.registrar.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R1.4 registrar: how long a registration lives (RFC 3261 §10.2.1.1)")
class ExpiryPolicyTest {
    private final ExpiryPolicy policy = new ExpiryPolicy(60, 3600, 1800);

    @ParameterizedTest(name = "contact expires={0}, Expires header={1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "-,    -,     1800",   // neither: the default
            "-,    120,   120",    // the header
            "300,  120,   300",    // the contact parameter wins
            "0,    3600,  0",      // 0 removes
            "-,    0,     0",
            "60,   -,     60",     // the minimum itself is fine
            "7200, -,     3600",   // above the maximum: shortened
            "-,    86400, 3600",
            "59,   -,     TOO_BRIEF",
            "-,    1,     TOO_BRIEF",
            "30,   3600,  TOO_BRIEF"})
    @DisplayName("R1.4 the contact's expires beats the Expires header beats the default; clamped to max; below min is too brief")
    void grant(Integer contact, Integer header, String expected) {
        OptionalInt granted = policy.grant(contact, header);
        if (expected.equals("TOO_BRIEF")) {
            assertThat(granted).isEmpty();
        } else {
            assertThat(granted).hasValue(Integer.parseInt(expected));
        }
    }

    @Test
    @DisplayName("R1.4 an inconsistent policy is refused")
    void invalid() {
        assertThatThrownBy(() -> new ExpiryPolicy(0, 3600, 3600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiryPolicy(60, 30, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiryPolicy(60, 3600, 7200)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ExpiryPolicy.STANDARD.grant(null, null)).hasValue(3600);
    }
}
