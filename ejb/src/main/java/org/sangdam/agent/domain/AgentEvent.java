package org.sangdam.agent.domain;

/** What happens to an agent: a button pressed in the widget, or something the call did. See {@link AgentStateMachine}. */
public enum AgentEvent {
    CTI_LOGGED_IN("CTI login"),
    CTI_LOGGED_OUT("CTI logout"),
    WORK_CHOSEN("Work"),
    READY_CHOSEN("Ready"),
    BREAK_CHOSEN("Break"),
    CALL_OFFERED("a call offer"),
    ANSWERED("Answer"),
    OFFER_TIMED_OUT("the recall of an unanswered offer"),
    DIAL_STARTED("Dial"),
    FAR_END_ANSWERED("the customer answering"),
    /** No connection: busy, no answer, rejected, unreachable, or the agent gave up before the answer. */
    DIAL_FAILED("a failed dial"),
    HELD("Hold"),
    RELEASED("Release"),
    CONSULT_STARTED("Consult call"),
    CONSULT_CONNECTED("the consultation connecting"),
    CONSULT_CANCELLED("Cancel"),
    /** The consultation target was busy, did not answer, or hung up. */
    CONSULT_FAILED("a failed consultation"),
    TRANSFER_COMPLETED("Connect customer"),
    /** Issue 7: another agent of the service consults this Ready agent; its phone rings. */
    CONSULT_OFFERED("a consultation call"),
    /** The consulted agent's phone answered the consultation. */
    CONSULT_ANSWERED("answering the consultation"),
    /** The consultation this agent was called for is over without a transfer (cancelled, refused, not answered, hung up). */
    CONSULT_ENDED("the end of the consultation"),
    /** Connect customer: the consulting agent handed the customer to this agent, who now holds the call. */
    TRANSFER_RECEIVED("the customer transferred to you"),
    /** Inbound, after Answer: none of the agent's phones took the call (refused, unreachable, none registered). */
    PHONE_FAILED("the agent's phone failing"),
    /** Either side hung up, or the network dropped the call. */
    CALL_ENDED("the end of the call"),
    ABUSIVE_CALL_TERMINATED("Abusive-call termination");

    private final String label;

    AgentEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A button in the widget, as opposed to something the call or the system did. */
    public boolean byAgent() {
        return switch (this) {
            case CTI_LOGGED_IN, CTI_LOGGED_OUT, WORK_CHOSEN, READY_CHOSEN, BREAK_CHOSEN, ANSWERED, DIAL_STARTED,
                 HELD, RELEASED, CONSULT_STARTED, CONSULT_CANCELLED, TRANSFER_COMPLETED, ABUSIVE_CALL_TERMINATED -> true;
            default -> false;
        };
    }

    /** The agent may say why when choosing Work or Break (R2.3). */
    public boolean takesReason() {
        return this == WORK_CHOSEN || this == BREAK_CHOSEN;
    }
}
