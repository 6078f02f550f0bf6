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
 * {@code missedBy} are the agents who let it ring out; {@code queue} is the queue the
 * scenario's menu chose ({@code null}: the service's general queue).
 */
public record QueuedCall(CallId id, Instant queuedAt, Set<AgentId> missedBy, String queue) {

    public QueuedCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queuedAt, "queuedAt");
        missedBy = Set.copyOf(missedBy);
    }

    /** A call in the service's general queue. */
    public QueuedCall(CallId id, Instant queuedAt, Set<AgentId> missedBy) {
        this(id, queuedAt, missedBy, null);
    }

    QueuedCall recalledFrom(AgentId agent) {
        Set<AgentId> agents = new HashSet<>(missedBy);
        agents.add(agent);
        return new QueuedCall(id, queuedAt, agents, queue);
    }
}
