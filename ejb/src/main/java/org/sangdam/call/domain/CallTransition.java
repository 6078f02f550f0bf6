package org.sangdam.call.domain;

import org.sangdam.agent.domain.AgentEvent;

/**
 * One row's outcome: the call's next state, its end cause (only when ENDED), and
 * the event the agent holding the call receives (null when no agent holds it:
 * in the scenario or the queue), and the event an agent being consulted receives
 * (issue 7; null when the row does not concern it, or nobody is consulted).
 */
public record CallTransition(CallState state, EndCause endCause, AgentEvent agentEvent, AgentEvent targetEvent) {

    public CallTransition(CallState state, EndCause endCause, AgentEvent agentEvent) {
        this(state, endCause, agentEvent, null);
    }

    public CallTransition {
        if ((state == CallState.ENDED) != (endCause != null)) {
            throw new IllegalArgumentException("an end cause goes with ENDED and only with it: " + state + ", " + endCause);
        }
    }
}
