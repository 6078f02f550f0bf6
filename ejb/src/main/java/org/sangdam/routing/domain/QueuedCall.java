package org.sangdam.routing.domain;

import org.sangdam.agent.domain.AgentId;
import org.sangdam.call.domain.CallId;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A call waiting at its service's queue step. Its place in the queue is
 * {@code queuedAt} (then the call id), which a recall leaves untouched (R2.6);
 * {@code missedBy} are the agents who let it ring out.
 */
public record QueuedCall(CallId id, Instant queuedAt, Set<AgentId> missedBy) {

    public QueuedCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queuedAt, "queuedAt");
        missedBy = Set.copyOf(missedBy);
    }

    QueuedCall recalledFrom(AgentId agent) {
        Set<AgentId> agents = new HashSet<>(missedBy);
        agents.add(agent);
        return new QueuedCall(id, queuedAt, agents);
    }
}
