package org.sangdam.agent.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an agent stands: the state, why (Work and Break only; null when no reason
 * was given) and since when. Each one is a row of the status history supervisors
 * and reports read; {@code since} of a READY status is the idle clock routing uses.
 */
public record AgentStatus(AgentState state, String reason, Instant since) {

    public AgentStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        if (reason != null && !state.takesReason()) {
            throw new IllegalArgumentException(state + " carries no reason, got \"" + reason + "\"");
        }
    }

    public static AgentStatus loggedOut(Instant since) {
        return new AgentStatus(AgentState.LOGGED_OUT, null, since);
    }
}
