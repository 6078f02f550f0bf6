package org.sangdam.agent.domain;

import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.Require;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.cti.domain.InitialStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.sangdam.agent.domain.AgentEvent.*;
import static org.sangdam.agent.domain.AgentState.*;

/**
 * An agent's CTI status, as one transition table. "Idle" below is any of WORK, READY,
 * BREAK and AFTER_CALL_WORK.
 * <pre>
 *   LOGGED_OUT  --CTI_LOGGED_IN-->  the service's status after login (R1.3, R2.2)
 *   idle        --WORK/READY/BREAK_CHOSEN--> WORK / READY / BREAK    (R2.3, R4.3)
 *   idle        --CTI_LOGGED_OUT--> LOGGED_OUT                       (R2.2)
 *   idle        --DIAL_STARTED-->   DIALING                          (R2.7, R2.8)
 *   READY       --CALL_OFFERED-->   OFFERED                          (R2.4, R4.2)
 *   OFFERED     --ANSWERED-->       ON_CALL                          (R2.4)
 *   OFFERED     --OFFER_TIMED_OUT-> the configured status, default WORK "no answer" (R2.6)
 *   OFFERED     --CALL_ENDED-->     READY
 *   DIALING     --FAR_END_ANSWERED--> ON_CALL                        (R2.8)
 *   DIALING     --DIAL_FAILED-->    WORK "dial failed"
 *   ON_CALL     --PHONE_FAILED-->   WORK "phone unreachable"
 *   ON_CALL     --HELD-->           ON_HOLD --RELEASED--> ON_CALL    (R3.5, R3.7)
 *   ON_CALL, ON_HOLD --CONSULT_STARTED--> ON_HOLD
 *   ON_HOLD     --CONSULT_CONNECTED-->  ON_CALL_TRANSFER             (R3.2)
 *   ON_HOLD, ON_CALL_TRANSFER --CONSULT_CANCELLED, CONSULT_FAILED--> ON_HOLD (R3.4)
 *   ON_CALL_TRANSFER --TRANSFER_COMPLETED--> AFTER_CALL_WORK         (R3.3)
 *   ON_CALL, ON_HOLD, ON_CALL_TRANSFER --CALL_ENDED--> AFTER_CALL_WORK (R4.1)
 *   ON_CALL, ON_HOLD --ABUSIVE_CALL_TERMINATED--> AFTER_CALL_WORK    (R3.6, R4.1)
 * the agent another agent consults (issue 7, R3.1 "search the Ready agents"):
 *   READY       --CONSULT_OFFERED-->  OFFERED                        (R3.1, R4.2)
 *   OFFERED     --CONSULT_ANSWERED--> ON_CALL_TRANSFER               (R3.2)
 *   OFFERED, ON_CALL_TRANSFER --CONSULT_ENDED--> READY               (R3.4)
 *   ON_CALL_TRANSFER --TRANSFER_RECEIVED--> ON_CALL                  (R3.3)
 * </pre>
 * Any other pair is refused with a {@link ConflictException} on "status" and changes nothing.
 *
 * <p>Decisions where the spec is silent:
 * <ul>
 * <li>An agent who lets an offer time out is not Ready any more (default WORK, reason
 *     "no answer"), so the recalled call does not ring an empty desk again; the status
 *     and reason are configurable, READY included.</li>
 * <li>A caller who hangs up while the call rings leaves the agent READY: the agent did
 *     nothing wrong and no ticket exists to work on.</li>
 * <li>Dial is allowed from every idle status, Break included (R2.7 asks only for CTI
 *     login). A dial that does not connect leaves the agent in WORK "dial failed": no
 *     ticket exists, and an inbound call must not ring right after a failed attempt.</li>
 * <li>If, after Answer, none of the agent's phones takes the call (refused, unreachable,
 *     none registered), the agent goes to WORK "phone unreachable" (so no further call
 *     rings a phone that does not work) and the call goes back to the queue in its place.</li>
 * <li>While a consultation rings the agent is ON_HOLD: that is what the customer
 *     hears. ON_HOLD therefore also accepts the consultation events; whether a
 *     consultation is actually pending is the call's table's decision, which services
 *     apply first.</li>
 * <li>A ringing agent cannot decline, log out or change status: the offer is
 *     answered or recalled. Logout is only from an idle status; glue that loses an
 *     agent's session ends or recalls the agent's call first.</li>
 * <li>Choosing Work or Break again only changes the reason; choosing Ready when Ready
 *     is refused, so a double click cannot reset the idle clock routing relies on.</li>
 * <li>AFTER_CALL_WORK lasts until the agent chooses a status (R4.3): no automatic Ready.</li>
 * <li>A Ready agent being consulted is rung like an offered call: status OFFERED
 *     ("Ringing"), so routing offers it nothing else (R2.4 offers only to Ready), and its
 *     widget shows who consults it for which customer. It answers on its phone; the
 *     widget has no Answer for it, since the phone is already ringing. Once it answers,
 *     both agents are ON_CALL_TRANSFER (통화중(호전환)), the status the manual gives the
 *     consultation. It rings at most the service's recall time, like an offered call
 *     (R2.6); then the consultation fails as not answered. A consultation that ends
 *     without a transfer (Cancel, no answer,
 *     refused, either agent hanging up) puts it back to READY: it had no call of its own
 *     and no ticket to work on. Connect customer makes it the call's agent: ON_CALL, and
 *     after-call work when that call ends like any other (R4.1).</li>
 * <li>A consulted agent presses nothing in the widget ({@link #buttons}): the consulting
 *     agent connects or cancels, and the consulted agent can hang up on its phone.</li>
 * </ul>
 */
public final class AgentStateMachine {
    public static final String NO_ANSWER = "no answer";
    public static final String DIAL_FAILED_REASON = "dial failed";
    public static final String PHONE_FAILED_REASON = "phone unreachable";
    public static final int MAX_REASON_LENGTH = 100;

    private static final Set<AgentState> IDLE = EnumSet.of(WORK, READY, BREAK, AFTER_CALL_WORK);

    private final Map<AgentState, Map<AgentEvent, AgentState>> table = new EnumMap<>(AgentState.class);
    private final String missedOfferReason;

    /** The defaults: a missed offer puts the agent in WORK with reason "no answer". */
    public AgentStateMachine(InitialStatus afterLogin) {
        this(afterLogin, WORK, NO_ANSWER);
    }

    /**
     * @param afterMissedOffer WORK, READY or BREAK
     * @param missedOfferReason recorded with WORK or BREAK; ignored for READY
     */
    public AgentStateMachine(InitialStatus afterLogin, AgentState afterMissedOffer, String missedOfferReason) {
        Objects.requireNonNull(afterLogin, "afterLogin");
        if (afterMissedOffer != WORK && afterMissedOffer != READY && afterMissedOffer != BREAK) {
            throw new ValidationException("afterMissedOffer", "after a missed offer the agent can only be put in Work, Ready or Break");
        }
        this.missedOfferReason = afterMissedOffer.takesReason()
                ? Require.text("missedOfferReason", missedOfferReason, MAX_REASON_LENGTH) : null;

        for (AgentState s : AgentState.values()) {
            table.put(s, new EnumMap<>(AgentEvent.class));
        }
        row(LOGGED_OUT, CTI_LOGGED_IN, AgentState.of(afterLogin));
        for (AgentState idle : IDLE) {
            row(idle, WORK_CHOSEN, WORK);
            if (idle != READY) {
                row(idle, READY_CHOSEN, READY);
            }
            row(idle, BREAK_CHOSEN, BREAK);
            row(idle, CTI_LOGGED_OUT, LOGGED_OUT);
            row(idle, DIAL_STARTED, DIALING);
        }
        row(READY, CALL_OFFERED, OFFERED);
        row(OFFERED, ANSWERED, ON_CALL);
        row(OFFERED, OFFER_TIMED_OUT, afterMissedOffer);
        row(OFFERED, CALL_ENDED, READY);
        row(DIALING, FAR_END_ANSWERED, ON_CALL);
        row(DIALING, DIAL_FAILED, WORK);
        row(ON_CALL, PHONE_FAILED, WORK);
        row(ON_CALL, HELD, ON_HOLD);
        row(ON_HOLD, RELEASED, ON_CALL);
        row(ON_CALL, CONSULT_STARTED, ON_HOLD);
        row(ON_HOLD, CONSULT_STARTED, ON_HOLD);
        row(ON_HOLD, CONSULT_CONNECTED, ON_CALL_TRANSFER);
        for (AgentState consulting : EnumSet.of(ON_HOLD, ON_CALL_TRANSFER)) {
            row(consulting, CONSULT_CANCELLED, ON_HOLD);
            row(consulting, CONSULT_FAILED, ON_HOLD);
        }
        row(ON_CALL_TRANSFER, TRANSFER_COMPLETED, AFTER_CALL_WORK);
        for (AgentState talking : EnumSet.of(ON_CALL, ON_HOLD, ON_CALL_TRANSFER)) {
            row(talking, CALL_ENDED, AFTER_CALL_WORK);
        }
        row(ON_CALL, ABUSIVE_CALL_TERMINATED, AFTER_CALL_WORK);
        row(ON_HOLD, ABUSIVE_CALL_TERMINATED, AFTER_CALL_WORK);
        row(READY, CONSULT_OFFERED, OFFERED);
        row(OFFERED, CONSULT_ANSWERED, ON_CALL_TRANSFER);
        row(OFFERED, CONSULT_ENDED, READY);
        row(ON_CALL_TRANSFER, CONSULT_ENDED, READY);
        row(ON_CALL_TRANSFER, TRANSFER_RECEIVED, ON_CALL);
    }

    private void row(AgentState from, AgentEvent event, AgentState to) {
        table.get(from).put(event, to);
    }

    /** The state {@code event} leads to from {@code from}; a pair not in the table is a conflict. */
    public AgentState apply(AgentState from, AgentEvent event) {
        AgentState to = table.get(from).get(event);
        if (to == null) {
            throw from == READY && event == READY_CHOSEN
                    ? new ConflictException("status", "the agent is already Ready").coded("cti.alreadyReady")
                    : new ConflictException("status", capitalized(event.label()) + " is not possible in status " + from.label())
                            .coded("cti.notPossible", event.name(), from.name());
        }
        return to;
    }

    public AgentStatus apply(AgentStatus current, AgentEvent event, Instant at) {
        return apply(current, event, null, at);
    }

    /**
     * The next status, recording the agent's reason for Work or Break (blank means none)
     * or the system's reason for a missed offer or a failed dial.
     */
    public AgentStatus apply(AgentStatus current, AgentEvent event, String reason, Instant at) {
        AgentState to = apply(current.state(), event);
        String given = Require.optionalText("reason", reason, MAX_REASON_LENGTH);
        if (given != null && !event.takesReason()) {
            throw new ValidationException("reason", "a reason is given only when choosing Work or Break");
        }
        String recorded = switch (event) {
            case WORK_CHOSEN, BREAK_CHOSEN -> given;
            case OFFER_TIMED_OUT -> missedOfferReason;
            case DIAL_FAILED -> DIAL_FAILED_REASON;
            case PHONE_FAILED -> PHONE_FAILED_REASON;
            default -> null;
        };
        return new AgentStatus(to, recorded, at);
    }

    /** The events accepted in {@code state}: which widget buttons are active. */
    public Set<AgentEvent> allowed(AgentState state) {
        return Collections.unmodifiableSet(table.get(state).keySet());
    }

    /**
     * The widget's buttons in {@code state}: the agent's own events the table accepts,
     * none for an agent being consulted by another (issue 7): OFFERED and
     * ON_CALL_TRANSFER are then the other agent's consultation, not a call of its own.
     */
    public Set<AgentEvent> buttons(AgentState state, boolean consulted) {
        if (consulted) {
            return Set.of();
        }
        Set<AgentEvent> out = EnumSet.noneOf(AgentEvent.class);
        table.get(state).keySet().stream().filter(AgentEvent::byAgent).forEach(out::add);
        return Collections.unmodifiableSet(out);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
