package org.sangdam.agent.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.cti.domain.InitialStatus;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sangdam.agent.domain.AgentEvent.*;
import static org.sangdam.agent.domain.AgentState.*;

@DisplayName("R2–R4 agent state machine")
class AgentStateMachineTest {
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    /** The expected table with the default settings (Work after login and after a missed offer), written independently of the code. */
    private static final String ROWS = """
            LOGGED_OUT       CTI_LOGGED_IN           WORK              R2.2
            WORK             WORK_CHOSEN             WORK              R2.3
            WORK             READY_CHOSEN            READY             R2.3
            WORK             BREAK_CHOSEN            BREAK             R2.3
            WORK             CTI_LOGGED_OUT          LOGGED_OUT        R2.2
            WORK             DIAL_STARTED            DIALING           R2.7
            READY            WORK_CHOSEN             WORK              R2.3
            READY            BREAK_CHOSEN            BREAK             R2.3
            READY            CTI_LOGGED_OUT          LOGGED_OUT        R2.2
            READY            DIAL_STARTED            DIALING           R2.7
            READY            CALL_OFFERED            OFFERED           R2.4
            BREAK            WORK_CHOSEN             WORK              R2.3
            BREAK            READY_CHOSEN            READY             R2.3
            BREAK            BREAK_CHOSEN            BREAK             R2.3
            BREAK            CTI_LOGGED_OUT          LOGGED_OUT        R2.2
            BREAK            DIAL_STARTED            DIALING           R2.7
            AFTER_CALL_WORK  WORK_CHOSEN             WORK              R4.3
            AFTER_CALL_WORK  READY_CHOSEN            READY             R4.3
            AFTER_CALL_WORK  BREAK_CHOSEN            BREAK             R4.3
            AFTER_CALL_WORK  CTI_LOGGED_OUT          LOGGED_OUT        R4.3
            AFTER_CALL_WORK  DIAL_STARTED            DIALING           R2.7
            OFFERED          ANSWERED                ON_CALL           R2.4
            OFFERED          OFFER_TIMED_OUT         WORK              R2.6
            OFFERED          CALL_ENDED              READY             Interpretation
            DIALING          FAR_END_ANSWERED        ON_CALL           R2.8
            DIALING          DIAL_FAILED             WORK              R2.8
            ON_CALL          PHONE_FAILED            WORK              R2.6
            ON_CALL          HELD                    ON_HOLD           R3.7
            ON_CALL          CONSULT_STARTED         ON_HOLD           R3.1
            ON_CALL          CALL_ENDED              AFTER_CALL_WORK   R4.1
            ON_CALL          ABUSIVE_CALL_TERMINATED AFTER_CALL_WORK   R3.6
            ON_HOLD          RELEASED                ON_CALL           R3.5
            ON_HOLD          CONSULT_STARTED         ON_HOLD           R3.1
            ON_HOLD          CONSULT_CONNECTED       ON_CALL_TRANSFER  R3.2
            ON_HOLD          CONSULT_CANCELLED       ON_HOLD           R3.4
            ON_HOLD          CONSULT_FAILED          ON_HOLD           R3.4
            ON_HOLD          CALL_ENDED              AFTER_CALL_WORK   R4.1
            ON_HOLD          ABUSIVE_CALL_TERMINATED AFTER_CALL_WORK   R3.6
            ON_CALL_TRANSFER CONSULT_CANCELLED       ON_HOLD           R3.4
            ON_CALL_TRANSFER CONSULT_FAILED          ON_HOLD           R3.4
            ON_CALL_TRANSFER TRANSFER_COMPLETED      AFTER_CALL_WORK   R3.3
            ON_CALL_TRANSFER CALL_ENDED              AFTER_CALL_WORK   R4.1
            READY            CONSULT_OFFERED         OFFERED           R3.1
            OFFERED          CONSULT_ANSWERED        ON_CALL_TRANSFER  R3.2
            OFFERED          CONSULT_ENDED           READY             R3.4
            ON_CALL_TRANSFER CONSULT_ENDED           READY             R3.4
            ON_CALL_TRANSFER TRANSFER_RECEIVED       ON_CALL           R3.3
            """;

    private final AgentStateMachine machine = new AgentStateMachine(InitialStatus.WORK);

    static Stream<Arguments> rows() {
        return ROWS.lines().map(l -> l.trim().split("\\s+"))
                .map(c -> Arguments.of(AgentState.valueOf(c[0]), AgentEvent.valueOf(c[1]), AgentState.valueOf(c[2]), c[3]));
    }

    private static Set<String> allowedPairs() {
        return rows().map(a -> a.get()[0] + " " + a.get()[1]).collect(Collectors.toSet());
    }

    static Stream<Arguments> refusedPairs() {
        Set<String> allowed = allowedPairs();
        return Arrays.stream(AgentState.values())
                .flatMap(s -> Arrays.stream(AgentEvent.values()).map(e -> Arguments.of(s, e)))
                .filter(a -> !allowed.contains(a.get()[0] + " " + a.get()[1]));
    }

    @ParameterizedTest(name = "{3}: {0} --{1}--> {2}")
    @MethodSource("rows")
    @DisplayName("R2.2–R4.3 every row of the table leads to its state")
    void row(AgentState from, AgentEvent event, AgentState to, String requirement) {
        assertThat(machine.apply(from, event)).isEqualTo(to);
    }

    @Test
    @DisplayName("R2.2–R4.3 the refused pairs are all 250 state x event pairs but the 47 rows")
    void refusedPairsAreTheComplement() {
        assertThat(allowedPairs()).hasSize(47);
        assertThat(refusedPairs()).hasSize(AgentState.values().length * AgentEvent.values().length - 47);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("refusedPairs")
    @DisplayName("R2.2–R4.3 every pair not in the table is refused as a conflict on 'status'")
    void refused(AgentState from, AgentEvent event) {
        assertThatThrownBy(() -> machine.apply(from, event))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("status");
    }

    @Test
    @DisplayName("R4.2 the refusal names the action and the status in UI words")
    void refusalMessage() {
        assertThatThrownBy(() -> machine.apply(AFTER_CALL_WORK, CALL_OFFERED))
                .hasMessage("A call offer is not possible in status Work (ticket processing)");
        assertThatThrownBy(() -> machine.apply(ON_CALL_TRANSFER, HELD))
                .hasMessage("Hold is not possible in status On call (transfer)");
        assertThatThrownBy(() -> machine.apply(READY, READY_CHOSEN))
                .hasMessage("the agent is already Ready");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AgentState.class)
    @DisplayName("R2.3/R4.2 only a Ready agent can be offered a call")
    void onlyReadyIsOffered(AgentState state) {
        assertThat(machine.allowed(state).contains(CALL_OFFERED)).isEqualTo(state == READY);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(InitialStatus.class)
    @DisplayName("R2.2 CTI login enters the status configured for the service (R1.3), without a reason")
    void loginEntersConfiguredStatus(InitialStatus initial) {
        AgentStatus after = new AgentStateMachine(initial).apply(AgentStatus.loggedOut(T0), CTI_LOGGED_IN, T1);
        assertThat(after).isEqualTo(new AgentStatus(AgentState.of(initial), null, T1));
    }

    @Test
    @DisplayName("R3.2 during a consultation only Connect customer and Cancel (and the call ending by itself) are possible")
    void consultationButtons() {
        assertThat(machine.buttons(ON_CALL_TRANSFER, false)).containsExactlyInAnyOrder(TRANSFER_COMPLETED, CONSULT_CANCELLED);
    }

    @Test
    @DisplayName("R3.1/R4.2 a Ready agent consulted by another is Ringing: no further call is offered to it, and it cannot choose a status meanwhile")
    void consultedAgentIsNotOffered() {
        AgentState rung = machine.apply(READY, CONSULT_OFFERED);
        assertThat(rung).isEqualTo(OFFERED);
        assertThatThrownBy(() -> machine.apply(rung, CALL_OFFERED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> machine.apply(rung, WORK_CHOSEN)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> machine.apply(rung, CTI_LOGGED_OUT)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> machine.apply(WORK, CONSULT_OFFERED)).as("only a Ready agent is consulted").isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("R3.2-R3.4 a consulted agent presses nothing in the widget, ringing or talking: the consulting agent connects or cancels")
    void consultedAgentHasNoButtons() {
        assertThat(machine.buttons(OFFERED, true)).isEmpty();
        assertThat(machine.buttons(ON_CALL_TRANSFER, true)).isEmpty();
        assertThat(machine.buttons(OFFERED, false)).containsExactly(ANSWERED);
    }

    @Test
    @DisplayName("R3.3/R4.1 a consulted agent who answers and is handed the customer is On call, and after the call ends in after-call work")
    void consultedAgentTakesTheCall() {
        AgentStatus ready = new AgentStatus(READY, null, T0);
        AgentStatus rung = machine.apply(ready, CONSULT_OFFERED, T0);
        AgentStatus talking = machine.apply(rung, CONSULT_ANSWERED, T1);
        assertThat(talking.state()).isEqualTo(ON_CALL_TRANSFER);
        AgentStatus onCall = machine.apply(talking, TRANSFER_RECEIVED, T1);
        assertThat(onCall).isEqualTo(new AgentStatus(ON_CALL, null, T1));
        assertThat(machine.apply(onCall, CALL_ENDED, T1).state()).isEqualTo(AFTER_CALL_WORK);
        assertThat(machine.apply(talking, CONSULT_ENDED, T1)).as("cancelled instead").isEqualTo(new AgentStatus(READY, null, T1));
    }

    @Test
    @DisplayName("R2.3 the agent's reason for Work or Break is recorded, trimmed, with the time of the change")
    void reasonRecorded() {
        AgentStatus work = machine.apply(new AgentStatus(READY, null, T0), WORK_CHOSEN, "  customer e-mails ", T1);
        assertThat(work).isEqualTo(new AgentStatus(WORK, "customer e-mails", T1));

        AgentStatus lunch = machine.apply(work, BREAK_CHOSEN, "lunch", T1.plusSeconds(5));
        assertThat(lunch).isEqualTo(new AgentStatus(BREAK, "lunch", T1.plusSeconds(5)));

        assertThat(machine.apply(lunch, BREAK_CHOSEN, "training", T1.plusSeconds(9)).reason()).isEqualTo("training");
        assertThat(machine.apply(lunch, WORK_CHOSEN, "  ", T1).reason()).isNull();
    }

    @Test
    @DisplayName("R2.3 a reason with any other status, or longer than 100 characters, is refused")
    void badReasonRefused() {
        AgentStatus work = new AgentStatus(WORK, null, T0);
        assertThatThrownBy(() -> machine.apply(work, READY_CHOSEN, "back", T1))
                .isInstanceOf(ValidationException.class)
                .hasMessage("a reason is given only when choosing Work or Break");
        assertThatThrownBy(() -> machine.apply(work, BREAK_CHOSEN, "x".repeat(101), T1))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("reason");
        assertThatThrownBy(() -> new AgentStatus(READY, "back", T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R2.6 by default an agent who lets an offer time out goes to Work with reason \"no answer\"")
    void missedOfferDefault() {
        AgentStatus after = machine.apply(new AgentStatus(OFFERED, null, T0), OFFER_TIMED_OUT, T1);
        assertThat(after).isEqualTo(new AgentStatus(WORK, "no answer", T1));
    }

    @Test
    @DisplayName("R2.6 the status and reason after a missed offer are configurable")
    void missedOfferConfigurable() {
        AgentStatus offered = new AgentStatus(OFFERED, null, T0);
        assertThat(new AgentStateMachine(InitialStatus.READY, BREAK, "missed call").apply(offered, OFFER_TIMED_OUT, T1))
                .isEqualTo(new AgentStatus(BREAK, "missed call", T1));
        assertThat(new AgentStateMachine(InitialStatus.READY, READY, "ignored").apply(offered, OFFER_TIMED_OUT, T1))
                .isEqualTo(new AgentStatus(READY, null, T1));
        assertThatThrownBy(() -> new AgentStateMachine(InitialStatus.READY, ON_CALL, "x"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new AgentStateMachine(InitialStatus.READY, WORK, " "))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("R2.8 a dial that does not connect leaves the agent in Work with reason \"dial failed\"")
    void dialFailed() {
        assertThat(machine.apply(new AgentStatus(DIALING, null, T0), DIAL_FAILED, T1))
                .isEqualTo(new AgentStatus(WORK, "dial failed", T1));
    }

    @Test
    @DisplayName("R2.6 an agent whose phone does not take the answered call goes to Work with reason \"phone unreachable\"")
    void phoneFailed() {
        assertThat(machine.apply(new AgentStatus(ON_CALL, null, T0), PHONE_FAILED, T1))
                .isEqualTo(new AgentStatus(WORK, "phone unreachable", T1));
    }

    @Test
    @DisplayName("R2.2–R4.3 a whole inbound call: login, Ready, offer, answer, hold, consult, cancel, release, hang-up, ACW, Ready")
    void wholeCall() {
        AgentStateMachine readyAfterLogin = new AgentStateMachine(InitialStatus.READY);
        AgentStatus s = AgentStatus.loggedOut(T0);
        AgentEvent[] journey = {CTI_LOGGED_IN, CALL_OFFERED, ANSWERED, HELD, RELEASED, CONSULT_STARTED,
                CONSULT_CONNECTED, CONSULT_CANCELLED, RELEASED, CALL_ENDED, READY_CHOSEN};
        AgentState[] expected = {READY, OFFERED, ON_CALL, ON_HOLD, ON_CALL, ON_HOLD,
                ON_CALL_TRANSFER, ON_HOLD, ON_CALL, AFTER_CALL_WORK, READY};
        for (int i = 0; i < journey.length; i++) {
            s = readyAfterLogin.apply(s, journey[i], T0.plusSeconds(i + 1));
            assertThat(s.state()).as("after %s", journey[i]).isEqualTo(expected[i]);
            assertThat(s.since()).isEqualTo(T0.plusSeconds(i + 1));
        }
    }
}
