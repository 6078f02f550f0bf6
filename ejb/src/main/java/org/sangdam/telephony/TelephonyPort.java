package org.sangdam.telephony;

/**
 * What the CTI core tells the phone network to do. The SIP layer implements it and
 * registers itself with {@link TelephonyGateway}; what happened on the network
 * comes back through {@link org.sangdam.call.CallControl}. Commands are sent after
 * the core's transaction commits, never for a change that rolled back.
 */
public interface TelephonyPort {
    /** A queued call now rings this agent (the widget blinks; the phone may ring too). */
    void offer(long callId, String agentNumber);

    /** The offer was recalled or the caller gave up: stop ringing. */
    void withdrawOffer(long callId, String agentNumber);

    /** Answer: call the agent's phone (auto-answer) and bridge it to the customer. */
    void connectAgent(long callId, String agentNumber);

    /** Outbound: the agent's phone first, then the customer through the trunk with this caller ID. */
    void dial(long callId, String agentNumber, String customerNumber, String callerId);

    /**
     * The customer hears music on hold ({@code music}: the service's configured prompt name,
     * null for the default that ships); the agent hears nothing from the customer.
     */
    void hold(long callId, String music);

    void release(long callId);

    /** A second leg from the agent to the target while the customer hears {@code music} (as {@link #hold}). */
    void startConsult(long callId, String target, String music);

    void cancelConsult(long callId);

    /** Bridge customer and consultation target, and take the agent off the call. */
    void completeTransfer(long callId);

    /** Play the announcement to the customer only, then end the call. */
    void playAndHangUp(long callId, String prompt);

    /** End every leg of the call. */
    void hangUp(long callId);
}
