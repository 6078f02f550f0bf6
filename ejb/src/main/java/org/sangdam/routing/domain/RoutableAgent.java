package org.sangdam.routing.domain;

import org.sangdam.agent.domain.AgentId;
import org.sangdam.agent.domain.AgentState;

import java.time.Instant;
import java.util.Objects;

/**
 * What routing needs to know about an agent.
 *
 * @param hasCtiIdentity a CTI ID and a CTI number are assigned (R1.4)
 * @param idleSince      when the agent last became Ready: the longest idle gets the next call
 */
public record RoutableAgent(AgentId id, long serviceId, AgentState state, boolean phonePermission,
                            boolean hasCtiIdentity, Instant idleSince) {

    public RoutableAgent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(idleSince, "idleSince");
    }

    /** R2.4: Ready (so CTI-logged-in), phone permission, CTI identity, same service. */
    public boolean canTakeCallsOf(long service) {
        return serviceId == service && state == AgentState.READY && phonePermission && hasCtiIdentity;
    }
}
