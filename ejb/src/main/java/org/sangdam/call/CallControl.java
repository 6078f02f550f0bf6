package org.sangdam.call;

/**
 * What the phone network reports to the CTI core. The SIP layer calls these as SIP
 * messages arrive; each maps to one call-table event. An event that does not fit
 * the call's state is refused ({@link org.sangdam.common.domain.ConflictException})
 * and changes nothing.
 */
public interface CallControl {
    /**
     * A customer called an inbound number (R2.4): the call enters the number's
     * scenario and queue. Unknown numbers are refused (NotFound), and so are calls
     * for a service without CTI inbound (R1.1).
     *
     * @return the call's id, which later reports name
     */
    long customerCallArrived(String inboundNumber, String customerNumber);

    /**
     * A customer called an inbound number and the network will run the DID's scenario
     * (R2.6): the call is recorded as arrived, not yet queued. Refusals as for
     * {@link #customerCallArrived(String, String)}, which is this plus {@link #enterQueue}
     * at once for networks that play no scenario.
     */
    CallArrival arrive(String inboundNumber, String customerNumber);

    /** The scenario put the caller in a queue ({@code null}: the service's general queue). */
    void enterQueue(long callId, String queue);

    /** The scenario ended the call before an agent (out of hours, nobody free): {@code reason} is recorded. */
    void scenarioEnded(long callId, String reason);

    /** The customer hung up, wherever the call was (queue, ringing, talking, on hold, consultation). */
    void customerHungUp(long callId);

    /**
     * The agent hung up on the phone itself (BYE from the agent's phone), with the same
     * rules as Hang up in the CTI API (R4.1): the call ends as hung up by the agent, who
     * goes to after-call work. Nothing is sent back to the network: the SIP layer has
     * already ended the other legs.
     */
    void agentHungUp(long callId);

    /**
     * Inbound, after Answer: none of the agent's phones took the call. The call goes back
     * to the queue in its place (the customer still hears the queue music) and is offered
     * to someone else; the agent goes to Work "phone unreachable".
     */
    void agentPhoneFailed(long callId, String cause);

    /** Outbound: the customer answered (R2.8). */
    void customerAnswered(long callId);

    /** Outbound: busy, no answer or a failure, with the SIP cause for the agent to see. */
    void dialFailed(long callId, String cause);

    void consultConnected(long callId);

    /** The consultation target was busy, did not answer or hung up: the agent is back to On hold with the reason. */
    void consultFailed(long callId, String cause);

    /**
     * The customer and agent legs were bridged (issue 7 part 5): where to write the call's
     * recording, or {@code null} when the call's service does not record. The call (and
     * through it the ticket) links the file from now on.
     */
    String recordingFile(long callId);
}
