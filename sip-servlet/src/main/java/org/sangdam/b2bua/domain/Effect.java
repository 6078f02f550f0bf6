package org.sangdam.b2bua.domain;

/** What the SIP glue must do after an event, in the order returned. */
public sealed interface Effect {
    /** Send BYE on the customer leg. */
    record ByeCustomer() implements Effect {
    }

    /** Send BYE on the agent leg that answered. */
    record ByeAgent() implements Effect {
    }

    /** CANCEL the agent phone's INVITE (one fork of it, when the agent has several phones). */
    record CancelAgentFork(String fork) implements Effect {
    }

    /** BYE a fork that answered too late (another phone won, or the call is over). */
    record ByeAgentFork(String fork) implements Effect {
    }

    /** CANCEL the customer INVITE of an outbound call that has not been answered yet. */
    record CancelCustomer() implements Effect {
    }

    /** Outbound: the agent is on the line; now INVITE the customer through the trunk. */
    record InviteCustomer() implements Effect {
    }

    /** Relay audio between the customer and the agent. */
    record Bridge() implements Effect {
    }

    /** Take the legs out of their bridge (both hear nothing until something plays). */
    record Unbridge() implements Effect {
    }

    /** Queue music or music on hold to the customer, looping. */
    record MusicToCustomer() implements Effect {
    }

    /** Ringback tone to the agent while the customer's phone rings. */
    record RingbackToAgent() implements Effect {
    }

    /** Play the prompt to the customer, then BYE the customer leg. */
    record PromptThenByeCustomer(String prompt) implements Effect {
    }

    /** Free both legs' media. */
    record CloseMedia() implements Effect {
    }

    /** Tell the CTI core: the customer hung up. */
    record ReportCustomerHungUp() implements Effect {
    }

    /** Tell the CTI core: the agent hung up on the phone. */
    record ReportAgentHungUp() implements Effect {
    }

    /** Tell the CTI core: the outbound customer answered. */
    record ReportCustomerAnswered() implements Effect {
    }

    /** Tell the CTI core: the outbound call failed, with the SIP cause. */
    record ReportDialFailed(String cause) implements Effect {
    }

    /** Send BYE on the consultation leg that answered. */
    record ByeConsult() implements Effect {
    }

    /** BYE a consultation fork that answered too late. */
    record ByeConsultFork(String fork) implements Effect {
    }

    /** CANCEL a ringing consultation fork. */
    record CancelConsultFork(String fork) implements Effect {
    }

    /** Relay audio between the agent and the consultation target (the customer hears music). */
    record BridgeAgentConsult() implements Effect {
    }

    /** Take the agent out of any bridge (hears nothing). */
    record UnbridgeAgent() implements Effect {
    }

    /** The transfer: relay audio between the customer and the consultation target. */
    record BridgeCustomerConsult() implements Effect {
    }

    /**
     * Connect customer to an agent (issue 7): the consultation leg (this fork, its media and
     * dialog) is the call's agent leg from now on; the first agent's media is freed.
     */
    record ConsultBecomesAgent(String fork) implements Effect {
    }

    /** Tell the CTI core: the consultation target answered. */
    record ReportConsultConnected() implements Effect {
    }

    /** Tell the CTI core: the consultation failed (busy, no answer, hung up), with the cause. */
    record ReportConsultFailed(String cause) implements Effect {
    }

    /** Tell the CTI core: inbound, none of the agent's phones took the call (refused, unreachable, none registered). */
    record ReportAgentPhoneFailed(String cause) implements Effect {
    }
}
