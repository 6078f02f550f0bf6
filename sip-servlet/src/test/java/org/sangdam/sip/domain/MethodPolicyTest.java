package org.sangdam.sip.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Issue 5 SIP layer: what happens to each request method")
class MethodPolicyTest {
    private final MethodPolicy policy = new MethodPolicy(List.of("REGISTER", "OPTIONS"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "REGISTER, HANDLE",
            "OPTIONS, HANDLE",
            "ACK, IGNORE",
            "CANCEL, DOES_NOT_EXIST",
            "BYE, DOES_NOT_EXIST",
            "INVITE, NOT_ALLOWED",
            "SUBSCRIBE, NOT_ALLOWED",
            "MESSAGE, NOT_ALLOWED",
            "FOO, NOT_IMPLEMENTED",
            "register, NOT_IMPLEMENTED"})
    @DisplayName("R1.4 handled methods go to their handler; known others 405, CANCEL/BYE 481, unknown 501 (methods are case-sensitive)")
    void disposition(String method, MethodPolicy.Disposition expected) {
        assertThat(policy.of(method)).isEqualTo(expected);
    }

    @Test
    @DisplayName("R1.4 Allow lists the handled methods in the conventional order")
    void allow() {
        assertThat(policy.allowed()).containsExactly("OPTIONS", "REGISTER");
    }

    @Test
    @DisplayName("Issue 5 item 6 (RFC 4028 refresh): where INVITE is served, Allow lists what the legs answer in their dialogs, UPDATE included")
    void allowWithCalls() {
        MethodPolicy calls = new MethodPolicy(List.of("INVITE", "OPTIONS", "REGISTER"));
        assertThat(calls.allowed()).containsExactly("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "UPDATE");
        assertThat(MethodPolicy.IN_CALL).as("inside a call").containsExactly("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "UPDATE");
        assertThat(policy.allowed()).as("no INVITE, no dialogs: nothing is answered inside one").doesNotContain("UPDATE", "BYE");
    }

    @ParameterizedTest(name = "{0} outside a dialog -> {1}")
    @CsvSource({"UPDATE, DOES_NOT_EXIST", "INFO, DOES_NOT_EXIST", "SUBSCRIBE, NOT_ALLOWED"})
    @DisplayName("Issue 5 item 6: UPDATE and INFO belong to a dialog: outside one they match nothing (481), not 405 while Allow lists them")
    void inDialogMethodsOutsideADialog(String method, MethodPolicy.Disposition expected) {
        assertThat(new MethodPolicy(List.of("INVITE", "OPTIONS", "REGISTER")).of(method)).isEqualTo(expected);
    }
}
