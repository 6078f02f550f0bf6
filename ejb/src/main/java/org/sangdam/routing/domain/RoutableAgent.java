package org.sangdam.routing.domain;

import org.sangdam.agent.domain.AgentId;
import org.sangdam.agent.domain.AgentState;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What routing needs to know about an agent.
 *
 * @param hasCtiIdentity a CTI ID and a CTI number are assigned (R1.4)
 * @param idleSince      when the agent last became Ready: the longest idle gets the next call
 * @param queues         the queues the agent answers; none = every queue of the service (a generalist)
 */
public record RoutableAgent(AgentId id, long serviceId, AgentState state, boolean phonePermission,
                            boolean hasCtiIdentity, Instant idleSince, Set<String> queues) {

    public RoutableAgent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(idleSince, "idleSince");
        queues = queues == null ? Set.of() : Set.copyOf(queues);
    }

    /** A generalist: takes calls of every queue. */
    public RoutableAgent(AgentId id, long serviceId, AgentState state, boolean phonePermission,
                         boolean hasCtiIdentity, Instant idleSince) {
        this(id, serviceId, state, phonePermission, hasCtiIdentity, idleSince, Set.of());
    }

    /**
     * Whether the agent answers calls of this queue: a call in the general queue ({@code null})
     * goes to anyone, a call in a named queue to its members and to generalists.
     */
    public boolean answers(String queue) {
        return queue == null || queues.isEmpty() || queues.contains(queue);
    }

    /** R2.4: Ready (so CTI-logged-in), phone permission, CTI identity, same service. */
    public boolean canTakeCallsOf(long service) {
        return serviceId == service && state == AgentState.READY && phonePermission && hasCtiIdentity;
    }
}
