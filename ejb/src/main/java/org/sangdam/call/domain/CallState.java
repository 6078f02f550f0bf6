package org.sangdam.call.domain;

/** Where a call stands; the moves between them are in {@link CallStateMachine}. */
public enum CallState {
    /** In the DID's scenario: greeting, optional menu. */
    ARRIVED("in the scenario"),
    /** At the scenario's queue step, hearing queue music. */
    QUEUED("queued"),
    /** Ringing one agent; still holds its place in the queue. */
    OFFERED("offered to an agent"),
    /** Outbound, the customer's phone rings. */
    DIALING("being dialed"),
    CONNECTED("connected"),
    /** The customer hears music on hold. */
    ON_HOLD("on hold"),
    /** The customer is on hold while the consultation target's phone rings. */
    CONSULT_DIALING("on hold while a consultation rings"),
    /** The agent talks with the consultation target; the customer is on hold. */
    CONSULTING("on hold during a consultation"),
    /**
     * The customer hung up during a consultation (issue 7): the customer leg is gone, the
     * agent still talks with the consultation target until either hangs up.
     */
    CONSULT_ONLY("a consultation the customer has left"),
    /** Final; see {@link EndCause}. */
    ENDED("over");

    private final String label;

    CallState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
