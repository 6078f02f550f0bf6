package org.sangdam.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An agent's CTI status as stored: the truth routing reads (R2.2-R2.4, R4.1). The
 * state names are those of the agent state machine; {@code since} of a READY row is
 * the idle clock (longest idle first). {@code callId} is the call the agent is
 * offered, dialing or talking on.
 */
@Entity
@Table(name = "agent_session")
public class AgentSession {
    @Id
    @Column(name = "user_id")
    private Long userId;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(nullable = false, length = 24)
    private String state;
    @Column(length = 100)
    private String reason;
    @Column(nullable = false)
    private Instant since;
    @Column(name = "call_id")
    private Long callId;

    protected AgentSession() {
    }

    public AgentSession(Long userId, Long tenantId, String state, Instant since) {
        this.userId = userId;
        this.tenantId = tenantId;
        this.state = state;
        this.since = since;
    }

    public Long getUserId() { return userId; }
    public Long getTenantId() { return tenantId; }
    public String getState() { return state; }
    public String getReason() { return reason; }
    public Instant getSince() { return since; }
    public Long getCallId() { return callId; }
    public void setCallId(Long callId) { this.callId = callId; }

    public void moveTo(String state, String reason, Instant since) {
        this.state = state;
        this.reason = reason;
        this.since = since;
    }
}
