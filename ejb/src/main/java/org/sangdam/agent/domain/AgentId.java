package org.sangdam.agent.domain;

/** An agent, by its user id. */
public record AgentId(long value) {
    @Override
    public String toString() {
        return "agent " + value;
    }
}
