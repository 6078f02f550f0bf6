package org.sangdam.call.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sangdam.agent.domain.AgentEvent;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.agent.domain.AgentStateMachine;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.cti.domain.InitialStatus;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sangdam.call.domain.CallEvent.*;
import static org.sangdam.call.domain.CallState.*;

@DisplayName("R2–R4 call state machine")
class CallStateMachineTest {

    /** from, event, to, end cause, the agent's event, the consulted agent's event, requirement: the expected table, written independently of the code. */
    private static final String ROWS = """
            ARRIVED         ENQUEUED                QUEUED          -                   -                       -                 R2.6
            ARRIVED         CUSTOMER_HUNG_UP        ENDED           ABANDONED_IN_QUEUE  -                       -                 Interpretation
            ARRIVED         FAILED                  ENDED           FAILED              -                       -                 R1.1
            ARRIVED         SCENARIO_ENDED          ENDED           ENDED_BY_SCENARIO   -                       -                 R2.6
            QUEUED          OFFER_MADE              OFFERED         -                   CALL_OFFERED            -                 R2.4
            QUEUED          CUSTOMER_HUNG_UP        ENDED           ABANDONED_IN_QUEUE  -                       -                 Interpretation
            QUEUED          FAILED                  ENDED           FAILED              -                       -                 Interpretation
            QUEUED          SCENARIO_ENDED          ENDED           ENDED_BY_SCENARIO   -                       -                 R2.6
            OFFERED         ANSWERED                CONNECTED       -                   ANSWERED                -                 R2.4
            CONNECTED       AGENT_PHONE_FAILED      QUEUED          -                   PHONE_FAILED            -                 R2.6
            OFFERED         OFFER_TIMED_OUT         QUEUED          -                   OFFER_TIMED_OUT         -                 R2.6
            OFFERED         CUSTOMER_HUNG_UP        ENDED           ABANDONED_IN_QUEUE  CALL_ENDED              -                 Interpretation
            OFFERED         FAILED                  ENDED           FAILED              CALL_ENDED              -                 Interpretation
            DIALING         FAR_END_ANSWERED        CONNECTED       -                   FAR_END_ANSWERED        -                 R2.8
            DIALING         AGENT_HUNG_UP           ENDED           AGENT_HUNG_UP       DIAL_FAILED             -                 R2.8
            DIALING         FAILED                  ENDED           FAILED              DIAL_FAILED             -                 R2.8
            CONNECTED       HELD                    ON_HOLD         -                   HELD                    -                 R3.7
            CONNECTED       CONSULT_STARTED         CONSULT_DIALING -                   CONSULT_STARTED         CONSULT_OFFERED   R3.1
            CONNECTED       ABUSIVE_CALL_TERMINATED ENDED           ABUSIVE_TERMINATION ABUSIVE_CALL_TERMINATED -                 R3.6
            CONNECTED       AGENT_HUNG_UP           ENDED           AGENT_HUNG_UP       CALL_ENDED              -                 R4.1
            CONNECTED       CUSTOMER_HUNG_UP        ENDED           CUSTOMER_HUNG_UP    CALL_ENDED              -                 R4.1
            CONNECTED       FAILED                  ENDED           FAILED              CALL_ENDED              -                 R4.1
            ON_HOLD         RELEASED                CONNECTED       -                   RELEASED                -                 R3.5
            ON_HOLD         CONSULT_STARTED         CONSULT_DIALING -                   CONSULT_STARTED         CONSULT_OFFERED   R3.1
            ON_HOLD         ABUSIVE_CALL_TERMINATED ENDED           ABUSIVE_TERMINATION ABUSIVE_CALL_TERMINATED -                 R3.6
            ON_HOLD         AGENT_HUNG_UP           ENDED           AGENT_HUNG_UP       CALL_ENDED              -                 R4.1
            ON_HOLD         CUSTOMER_HUNG_UP        ENDED           CUSTOMER_HUNG_UP    CALL_ENDED              -                 Interpretation
            ON_HOLD         FAILED                  ENDED           FAILED              CALL_ENDED              -                 R4.1
            CONSULT_DIALING CONSULT_CONNECTED       CONSULTING      -                   CONSULT_CONNECTED       CONSULT_ANSWERED  R3.2
            CONSULT_DIALING CONSULT_CANCELLED       ON_HOLD         -                   CONSULT_CANCELLED       CONSULT_ENDED     R3.4
            CONSULT_DIALING CONSULT_FAILED          ON_HOLD         -                   CONSULT_FAILED          CONSULT_ENDED     R3.4
            CONSULT_DIALING CUSTOMER_HUNG_UP        ENDED           CUSTOMER_HUNG_UP    CALL_ENDED              CONSULT_ENDED     Interpretation
            CONSULT_DIALING FAILED                  ENDED           FAILED              CALL_ENDED              CONSULT_ENDED     R4.1
            CONSULTING      TRANSFER_COMPLETED      ENDED           TRANSFERRED         TRANSFER_COMPLETED      -                 R3.3
            CONSULTING      CONSULT_CANCELLED       ON_HOLD         -                   CONSULT_CANCELLED       CONSULT_ENDED     R3.4
            CONSULTING      CONSULT_FAILED          ON_HOLD         -                   CONSULT_FAILED          CONSULT_ENDED     R3.4
            CONSULTING      CUSTOMER_HUNG_UP        CONSULT_ONLY    -                   -                       -                 Issue7.2
            CONSULTING      FAILED                  ENDED           FAILED              CALL_ENDED              CONSULT_ENDED     R4.1
            CONSULT_ONLY    AGENT_HUNG_UP           ENDED           CUSTOMER_HUNG_UP    CALL_ENDED              CONSULT_ENDED     Issue7.2
            CONSULT_ONLY    CONSULT_CANCELLED       ENDED           CUSTOMER_HUNG_UP    CALL_ENDED              CONSULT_ENDED     Issue7.2
            CONSULT_ONLY    CONSULT_FAILED          ENDED           CUSTOMER_HUNG_UP    CALL_ENDED              CONSULT_ENDED     Issue7.2
            CONSULT_ONLY    FAILED                  ENDED           FAILED              CALL_ENDED              CONSULT_ENDED     R4.1
            CONSULTING      TRANSFERRED_TO_AGENT    CONNECTED       -                   TRANSFER_COMPLETED      TRANSFER_RECEIVED Issue7.2
            """;

    static Stream<Arguments> rows() {
        return ROWS.lines().map(l -> l.trim().split("\\s+")).map(c -> Arguments.of(
                CallState.valueOf(c[0]), CallEvent.valueOf(c[1]), CallState.valueOf(c[2]),
                c[3].equals("-") ? null : EndCause.valueOf(c[3]),
                c[4].equals("-") ? null : AgentEvent.valueOf(c[4]),
                c[5].equals("-") ? null : AgentEvent.valueOf(c[5]), c[6]));
    }

    private static Set<String> allowedPairs() {
        return rows().map(a -> a.get()[0] + " " + a.get()[1]).collect(Collectors.toSet());
    }

    static Stream<Arguments> refusedPairs() {
        Set<String> allowed = allowedPairs();
        return Arrays.stream(CallState.values())
                .flatMap(s -> Arrays.stream(CallEvent.values()).map(e -> Arguments.of(s, e)))
                .filter(a -> !allowed.contains(a.get()[0] + " " + a.get()[1]));
    }

    @ParameterizedTest(name = "{6}: {0} --{1}--> {2} {3}, agent gets {4}, consulted agent {5}")
    @MethodSource("rows")
    @DisplayName("R2.4–R4.1 every row of the table gives its state, end cause, agent event and consulted agent's event")
    void row(CallState from, CallEvent event, CallState to, EndCause cause, AgentEvent agentEvent, AgentEvent targetEvent, String requirement) {
        assertThat(CallStateMachine.apply(from, event)).isEqualTo(new CallTransition(to, cause, agentEvent, targetEvent));
    }

    @Test
    @DisplayName("R2.4–R4.1 the refused pairs are all state x event pairs but the 43 rows")
    void refusedPairsAreTheComplement() {
        assertThat(allowedPairs()).hasSize(43);
        assertThat(refusedPairs()).hasSize(CallState.values().length * CallEvent.values().length - 43);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("refusedPairs")
    @DisplayName("R2.4–R4.1 every pair not in the table is refused as a conflict on 'call'")
    void refused(CallState from, CallEvent event) {
        assertThatThrownBy(() -> CallStateMachine.apply(from, event))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("call");
    }

    @Test
    @DisplayName("R3.2 the refusal names the action and where the call stands")
    void refusalMessage() {
        assertThatThrownBy(() -> CallStateMachine.apply(CONSULTING, AGENT_HUNG_UP))
                .hasMessage("The agent hanging up is not possible while the call is on hold during a consultation");
        assertThatThrownBy(() -> CallStateMachine.apply(ENDED, CUSTOMER_HUNG_UP))
                .hasMessage("The customer hanging up is not possible while the call is over");
    }

    @Test
    @DisplayName("R2.4/R2.7 an inbound call starts in its scenario, an outbound one dialing")
    void initialStates() {
        assertThat(CallDirection.INBOUND.initialState()).isEqualTo(ARRIVED);
        assertThat(CallDirection.OUTBOUND.initialState()).isEqualTo(DIALING);
    }

    @Test
    @DisplayName("R4.1 an end cause goes with ENDED and only with it")
    void endCauseOnlyWhenEnded() {
        assertThatThrownBy(() -> new CallTransition(ENDED, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallTransition(CONNECTED, EndCause.FAILED, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The agent's status while it holds a call in {@code state} (R2.4, R2.8, R3.2, R3.4, R3.7). */
    private static AgentState agentWhile(CallState state) {
        return switch (state) {
            case QUEUED -> AgentState.READY;
            case OFFERED -> AgentState.OFFERED;
            case DIALING -> AgentState.DIALING;
            case CONNECTED -> AgentState.ON_CALL;
            case ON_HOLD, CONSULT_DIALING -> AgentState.ON_HOLD;
            case CONSULTING, CONSULT_ONLY -> AgentState.ON_CALL_TRANSFER;
            case ARRIVED, ENDED -> throw new IllegalArgumentException(state.name());
        };
    }

    @Test
    @DisplayName("Issue 7.2 a customer hanging up during a consultation leaves agent and target talking: no transfer, no release, and the agent's hang-up ends it")
    void customerLeavesConsultation() {
        CallState after = CallStateMachine.apply(CONSULTING, CUSTOMER_HUNG_UP).state();
        assertThat(after).isEqualTo(CONSULT_ONLY);
        assertThatThrownBy(() -> CallStateMachine.apply(after, TRANSFER_COMPLETED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> CallStateMachine.apply(after, RELEASED)).isInstanceOf(ConflictException.class);
        assertThat(CallStateMachine.apply(after, AGENT_HUNG_UP).endCause()).isEqualTo(EndCause.CUSTOMER_HUNG_UP);
    }

    static Stream<Arguments> rowsWithAgent() {
        return rows().filter(a -> a.get()[4] != null);
    }

    @ParameterizedTest(name = "{6}: call {0} --{1}--> {2}, agent --{4}-->")
    @MethodSource("rowsWithAgent")
    @DisplayName("R2.4–R4.1 the agent's table accepts the event each call row hands it and ends in the matching status")
    void agentMovesInStep(CallState from, CallEvent event, CallState to, EndCause cause, AgentEvent agentEvent, AgentEvent targetEvent, String requirement) {
        AgentState agentAfter = new AgentStateMachine(InitialStatus.WORK).apply(agentWhile(from), agentEvent);
        AgentState expected = switch (to) {
            case QUEUED -> AgentState.WORK;
            case CONNECTED -> event == TRANSFERRED_TO_AGENT ? AgentState.AFTER_CALL_WORK : AgentState.ON_CALL;
            case ENDED -> switch (from) {
                case OFFERED -> AgentState.READY;
                case DIALING -> AgentState.WORK;
                default -> AgentState.AFTER_CALL_WORK;
            };
            default -> agentWhile(to);
        };
        assertThat(agentAfter).isEqualTo(expected);
    }

    /** The consulted agent's status while the call is in {@code state}, after it was rung (issue 7). */
    private static AgentState consultedWhile(CallState state) {
        return switch (state) {
            case CONNECTED, ON_HOLD -> AgentState.READY;
            case CONSULT_DIALING -> AgentState.OFFERED;
            case CONSULTING, CONSULT_ONLY -> AgentState.ON_CALL_TRANSFER;
            default -> throw new IllegalArgumentException(state.name());
        };
    }

    static Stream<Arguments> rowsWithConsultedAgent() {
        return rows().filter(a -> a.get()[5] != null);
    }

    @ParameterizedTest(name = "{6}: call {0} --{1}--> {2}, consulted agent --{5}-->")
    @MethodSource("rowsWithConsultedAgent")
    @DisplayName("Issue 7.2 the consulted agent's table accepts the event each call row hands it: Ringing, then On call (transfer), then On call after Connect customer or Ready when the consultation ends otherwise")
    void consultedAgentMovesInStep(CallState from, CallEvent event, CallState to, EndCause cause, AgentEvent agentEvent, AgentEvent targetEvent, String requirement) {
        AgentState after = new AgentStateMachine(InitialStatus.WORK).apply(consultedWhile(from), targetEvent);
        AgentState expected = switch (event) {
            case CONSULT_STARTED -> AgentState.OFFERED;
            case CONSULT_CONNECTED -> AgentState.ON_CALL_TRANSFER;
            case TRANSFERRED_TO_AGENT -> AgentState.ON_CALL;
            default -> AgentState.READY;
        };
        assertThat(after).isEqualTo(expected);
    }

    @Test
    @DisplayName("Issue 7.2 a consultation every way it can end frees the consulted agent: no row leaves it Ringing or On call (transfer) once the consultation is over")
    void everyEndOfAConsultationFreesTheConsultedAgent() {
        for (CallState s : java.util.EnumSet.of(CONSULT_DIALING, CONSULTING, CONSULT_ONLY)) {
            for (CallEvent e : CallEvent.values()) {
                CallTransition t;
                try {
                    t = CallStateMachine.apply(s, e);
                } catch (ConflictException refused) {
                    continue;
                }
                boolean stillConsulting = t.state() == CONSULT_DIALING || t.state() == CONSULTING || t.state() == CONSULT_ONLY;
                // TRANSFER_COMPLETED is Connect customer to an outside number: nobody of ours is consulted
                if (!stillConsulting && e != TRANSFERRED_TO_AGENT && e != TRANSFER_COMPLETED) {
                    assertThat(t.targetEvent()).as(s + " --" + e + "-->").isEqualTo(AgentEvent.CONSULT_ENDED);
                }
            }
        }
    }

    @Test
    @DisplayName("R3.3 Connect customer hands the call to a consulted agent (the call goes on, connected) and ends it for an outside number")
    void connectCustomerByTarget() {
        assertThat(CallEvent.transferCompleted(true)).isEqualTo(TRANSFERRED_TO_AGENT);
        assertThat(CallStateMachine.apply(CONSULTING, CallEvent.transferCompleted(true)).state()).isEqualTo(CONNECTED);
        assertThat(CallStateMachine.apply(CONSULTING, CallEvent.transferCompleted(false)).endCause()).isEqualTo(EndCause.TRANSFERRED);
        assertThatThrownBy(() -> CallStateMachine.apply(CONSULT_DIALING, TRANSFERRED_TO_AGENT)).as("not before the target answered")
                .isInstanceOf(ConflictException.class);
    }
}
