package org.sangdam.call.domain;

import org.sangdam.agent.domain.AgentEvent;
import org.sangdam.common.domain.ConflictException;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

import static org.sangdam.call.domain.CallEvent.*;
import static org.sangdam.call.domain.CallState.*;

/**
 * A call's lifecycle, as one transition table. An inbound call starts ARRIVED, an
 * outbound one DIALING ({@link CallDirection}).
 * <pre>
 *   ARRIVED --ENQUEUED--> QUEUED --OFFER_MADE--> OFFERED --ANSWERED--> CONNECTED   (R2.4)
 *   OFFERED --OFFER_TIMED_OUT--> QUEUED                                            (R2.6)
 *   DIALING --FAR_END_ANSWERED--> CONNECTED                                        (R2.8)
 *   CONNECTED --HELD--> ON_HOLD --RELEASED--> CONNECTED                            (R3.5, R3.7)
 *   CONNECTED, ON_HOLD --CONSULT_STARTED--> CONSULT_DIALING --CONSULT_CONNECTED--> CONSULTING (R3.1, R3.2)
 *   CONSULT_DIALING, CONSULTING --CONSULT_CANCELLED, CONSULT_FAILED--> ON_HOLD     (R3.4)
 *   CONSULTING --TRANSFER_COMPLETED--> ENDED(TRANSFERRED)                          (R3.3)
 *   CONNECTED, ON_HOLD --ABUSIVE_CALL_TERMINATED--> ENDED(ABUSIVE_TERMINATION)     (R3.6)
 *   CONNECTED, ON_HOLD --AGENT_HUNG_UP--> ENDED(AGENT_HUNG_UP)                     (R4.1)
 *   DIALING --AGENT_HUNG_UP--> ENDED(AGENT_HUNG_UP)
 *   ARRIVED, QUEUED, OFFERED --CUSTOMER_HUNG_UP--> ENDED(ABANDONED_IN_QUEUE)
 *   CONNECTED, ON_HOLD, CONSULT_DIALING --CUSTOMER_HUNG_UP--> ENDED(CUSTOMER_HUNG_UP) (R4.1)
 *   CONSULTING --CUSTOMER_HUNG_UP--> CONSULT_ONLY                                   (issue 7)
 *   CONSULT_ONLY --AGENT_HUNG_UP, CONSULT_CANCELLED, CONSULT_FAILED--> ENDED(CUSTOMER_HUNG_UP)
 *   every state but ENDED --FAILED--> ENDED(FAILED)
 *   CONSULTING --TRANSFERRED_TO_AGENT--> CONNECTED (the consulted agent holds it now) (R3.3, issue 7)
 * </pre>
 * Any other pair is refused with a {@link ConflictException} on "call". Each row also
 * names the event for the agent holding the call, and for an agent being consulted
 * (issue 7), so services move all of them in step. The consulted agent is offered the
 * consultation when it starts, answers when it connects, takes the call over on
 * TRANSFERRED_TO_AGENT, and is done (back to Ready) whenever the consultation ends
 * otherwise: cancelled, failed, the customer leaving before it answered, the call
 * failing, or the end of a consultation the customer had left.
 *
 * <p>Decisions where the spec is silent:
 * <ul>
 * <li>Transferred is an end cause, not a state: once the customer talks to the target,
 *     this agent's handling of the call is over (R3.3).</li>
 * <li>The call is ENDED when the agent confirms an abusive-call termination; playing the
 *     announcement and then hanging up is the telephony's job, and a customer who hangs
 *     up during it does not change the cause.</li>
 * <li>During a consultation the widget offers only Connect customer and Cancel (R3.2):
 *     hang-up, Release and abusive termination wait until the consultation is cancelled.</li>
 * <li>A customer who hangs up during a consultation (the target answered) ends only the
 *     customer leg: agent and target keep talking (CONSULT_ONLY), a usual contact-center
 *     choice, since they may be settling the customer's matter. The agent stays
 *     ON_CALL_TRANSFER; Hang up or Cancel (or the target hanging up) ends the call as
 *     hung up by the customer and the agent goes to after-call work. Connect customer and
 *     Release are refused: there is nobody to connect. While the target's phone still
 *     rings (CONSULT_DIALING) the customer's hang-up ends everything, ringing included:
 *     no conversation is under way yet.</li>
 * <li>A customer who hangs up while an agent's phone rings abandoned the queue: nobody
 *     answered, and the agent goes back to Ready.</li>
 * </ul>
 */
public final class CallStateMachine {
    private static final Map<CallState, Map<CallEvent, CallTransition>> TABLE = new EnumMap<>(CallState.class);

    static {
        for (CallState s : CallState.values()) {
            TABLE.put(s, new EnumMap<>(CallEvent.class));
        }
        row(ARRIVED, ENQUEUED, QUEUED, null);
        row(QUEUED, OFFER_MADE, OFFERED, AgentEvent.CALL_OFFERED);
        row(OFFERED, OFFER_TIMED_OUT, QUEUED, AgentEvent.OFFER_TIMED_OUT);
        row(OFFERED, ANSWERED, CONNECTED, AgentEvent.ANSWERED);
        row(DIALING, FAR_END_ANSWERED, CONNECTED, AgentEvent.FAR_END_ANSWERED);
        // the call is never lost (R2.6): back to the queue in its place, the agent to Work
        row(CONNECTED, AGENT_PHONE_FAILED, QUEUED, AgentEvent.PHONE_FAILED);
        row(CONNECTED, HELD, ON_HOLD, AgentEvent.HELD);
        row(ON_HOLD, RELEASED, CONNECTED, AgentEvent.RELEASED);
        for (CallState talking : EnumSet.of(CONNECTED, ON_HOLD)) {
            row(talking, CONSULT_STARTED, CONSULT_DIALING, AgentEvent.CONSULT_STARTED);
            end(talking, ABUSIVE_CALL_TERMINATED, EndCause.ABUSIVE_TERMINATION, AgentEvent.ABUSIVE_CALL_TERMINATED);
            end(talking, AGENT_HUNG_UP, EndCause.AGENT_HUNG_UP, AgentEvent.CALL_ENDED);
        }
        row(CONSULT_DIALING, CONSULT_CONNECTED, CONSULTING, AgentEvent.CONSULT_CONNECTED);
        for (CallState consulting : EnumSet.of(CONSULT_DIALING, CONSULTING)) {
            row(consulting, CONSULT_CANCELLED, ON_HOLD, AgentEvent.CONSULT_CANCELLED);
            row(consulting, CONSULT_FAILED, ON_HOLD, AgentEvent.CONSULT_FAILED);
        }
        end(CONSULTING, TRANSFER_COMPLETED, EndCause.TRANSFERRED, AgentEvent.TRANSFER_COMPLETED);
        end(DIALING, AGENT_HUNG_UP, EndCause.AGENT_HUNG_UP, AgentEvent.DIAL_FAILED);
        end(ARRIVED, CUSTOMER_HUNG_UP, EndCause.ABANDONED_IN_QUEUE, null);
        // an offered call is not taken away by the scenario: the agent may be answering right now
        end(ARRIVED, SCENARIO_ENDED, EndCause.ENDED_BY_SCENARIO, null);
        end(QUEUED, SCENARIO_ENDED, EndCause.ENDED_BY_SCENARIO, null);
        end(QUEUED, CUSTOMER_HUNG_UP, EndCause.ABANDONED_IN_QUEUE, null);
        end(OFFERED, CUSTOMER_HUNG_UP, EndCause.ABANDONED_IN_QUEUE, AgentEvent.CALL_ENDED);
        for (CallState withCustomer : EnumSet.of(CONNECTED, ON_HOLD, CONSULT_DIALING)) {
            end(withCustomer, CUSTOMER_HUNG_UP, EndCause.CUSTOMER_HUNG_UP, AgentEvent.CALL_ENDED);
        }
        row(CONSULTING, CUSTOMER_HUNG_UP, CONSULT_ONLY, null);
        for (CallEvent over : EnumSet.of(AGENT_HUNG_UP, CONSULT_CANCELLED, CONSULT_FAILED)) {
            end(CONSULT_ONLY, over, EndCause.CUSTOMER_HUNG_UP, AgentEvent.CALL_ENDED);
        }
        for (CallState live : EnumSet.complementOf(EnumSet.of(ENDED))) {
            end(live, FAILED, EndCause.FAILED, switch (live) {
                case ARRIVED, QUEUED -> null;
                case DIALING -> AgentEvent.DIAL_FAILED;
                default -> AgentEvent.CALL_ENDED;
            });
        }
        row(CONSULTING, TRANSFERRED_TO_AGENT, CONNECTED, AgentEvent.TRANSFER_COMPLETED);

        // the agent being consulted (issue 7)
        for (CallState talking : EnumSet.of(CONNECTED, ON_HOLD)) {
            consulted(talking, CONSULT_STARTED, AgentEvent.CONSULT_OFFERED);
        }
        consulted(CONSULT_DIALING, CONSULT_CONNECTED, AgentEvent.CONSULT_ANSWERED);
        consulted(CONSULTING, TRANSFERRED_TO_AGENT, AgentEvent.TRANSFER_RECEIVED);
        for (CallState consulting : EnumSet.of(CONSULT_DIALING, CONSULTING, CONSULT_ONLY)) {
            consulted(consulting, CONSULT_CANCELLED, AgentEvent.CONSULT_ENDED);
            consulted(consulting, CONSULT_FAILED, AgentEvent.CONSULT_ENDED);
            consulted(consulting, FAILED, AgentEvent.CONSULT_ENDED);
        }
        consulted(CONSULT_DIALING, CUSTOMER_HUNG_UP, AgentEvent.CONSULT_ENDED);
        consulted(CONSULT_ONLY, AGENT_HUNG_UP, AgentEvent.CONSULT_ENDED);
    }

    /** the event an agent being consulted receives from a row already in the table */
    private static void consulted(CallState from, CallEvent event, AgentEvent targetEvent) {
        CallTransition t = TABLE.get(from).get(event);
        TABLE.get(from).put(event, new CallTransition(t.state(), t.endCause(), t.agentEvent(), targetEvent));
    }

    private CallStateMachine() {
    }

    private static void row(CallState from, CallEvent event, CallState to, AgentEvent agentEvent) {
        TABLE.get(from).put(event, new CallTransition(to, null, agentEvent));
    }

    private static void end(CallState from, CallEvent event, EndCause cause, AgentEvent agentEvent) {
        TABLE.get(from).put(event, new CallTransition(ENDED, cause, agentEvent));
    }

    public static CallTransition apply(CallState from, CallEvent event) {
        CallTransition to = TABLE.get(from).get(event);
        if (to == null) {
            String label = event.label();
            throw new ConflictException("call", Character.toUpperCase(label.charAt(0)) + label.substring(1)
                    + " is not possible while the call is " + from.label());
        }
        return to;
    }
}
