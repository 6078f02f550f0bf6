package org.sangdam.agent;

import java.time.Instant;
import java.util.List;

/**
 * What the phone widget shows: the agent's status (the console shows it in the
 * user's language, from its resource bundles), why and
 * since when, the actions allowed now, and the call the agent holds, if any.
 */
public record AgentView(String state, String reason, Instant since, List<String> allowed, CallView call) {

    /**
     * The call an agent is offered, dialing or on; {@code connectedAt} starts the widget's call timer;
     * {@code consultedBy} names the agent consulting this one on the call (issue 7), null otherwise.
     */
    public record CallView(long id, String direction, String state, String customerNumber, String serviceNumber,
                           Instant offerDeadline, Long ticketId, String consultTarget, Instant connectedAt, String consultedBy) {
    }
}
