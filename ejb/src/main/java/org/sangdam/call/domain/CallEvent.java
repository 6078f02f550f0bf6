package org.sangdam.call.domain;

/** What happens to a call, from the phone network or the agent's widget. See {@link CallStateMachine}. */
public enum CallEvent {
    ENQUEUED("queueing"),
    OFFER_MADE("an offer"),
    OFFER_TIMED_OUT("a recall"),
    ANSWERED("Answer"),
    FAR_END_ANSWERED("the customer answering"),
    HELD("Hold"),
    RELEASED("Release"),
    CONSULT_STARTED("Consult call"),
    CONSULT_CONNECTED("the consultation connecting"),
    CONSULT_CANCELLED("Cancel"),
    /** The consultation target was busy, did not answer, or hung up. */
    CONSULT_FAILED("a failed consultation"),
    TRANSFER_COMPLETED("Connect customer"),
    /** Connect customer when the target is an agent of the service: that agent takes over the call (issue 7). */
    TRANSFERRED_TO_AGENT("Connect customer"),
    ABUSIVE_CALL_TERMINATED("Abusive-call termination"),
    CUSTOMER_HUNG_UP("the customer hanging up"),
    AGENT_HUNG_UP("the agent hanging up"),
    /** Inbound, after Answer: the agent's phone did not take the call; it goes back to the queue. */
    AGENT_PHONE_FAILED("the agent's phone failing"),
    /** The scenario's closing prompt was played (out of hours, nobody free): the call ends before an agent. */
    SCENARIO_ENDED("the scenario ending the call"),
    /** The network or media failed, the dialed customer did not answer, or the call was refused (e.g. no CTI inbound, R1.1). */
    FAILED("a failure");

    private final String label;

    CallEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Connect customer: an agent target takes the call over, an outside number ends it for us (R3.3). */
    public static CallEvent transferCompleted(boolean toAgent) {
        return toAgent ? TRANSFERRED_TO_AGENT : TRANSFER_COMPLETED;
    }
}
