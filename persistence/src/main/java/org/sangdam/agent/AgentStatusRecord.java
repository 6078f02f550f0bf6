package org.sangdam.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One status change of an agent, with what caused it: the audit trail supervisors and reports read. */
@Entity
@Table(name = "agent_status_history")
public class AgentStatusRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id", nullable = false)
    private Long userId;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(nullable = false, length = 24)
    private String state;
    @Column(length = 100)
    private String reason;
    @Column(nullable = false, length = 32)
    private String event;
    @Column(name = "call_id")
    private Long callId;
    @Column(nullable = false)
    private Instant at;

    protected AgentStatusRecord() {
    }

    public AgentStatusRecord(AgentSession s, String event) {
        this.userId = s.getUserId();
        this.tenantId = s.getTenantId();
        this.state = s.getState();
        this.reason = s.getReason();
        this.event = event;
        this.callId = s.getCallId();
        this.at = s.getSince();
    }

    public String getState() { return state; }
    public String getReason() { return reason; }
    public String getEvent() { return event; }
    public Long getCallId() { return callId; }
    public Instant getAt() { return at; }
}
