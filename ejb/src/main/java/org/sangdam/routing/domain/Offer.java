package org.sangdam.routing.domain;

import org.sangdam.agent.domain.AgentId;
import org.sangdam.call.domain.CallId;

import java.time.Instant;
import java.util.Objects;

/** A queued call ringing one agent until {@code deadline}, when it is recalled (R2.6). */
public record Offer(CallId call, AgentId agent, Instant deadline) {

    public Offer {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(deadline, "deadline");
    }
}
