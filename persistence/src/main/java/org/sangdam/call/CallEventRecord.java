package org.sangdam.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step of a call's life, with the state it led to: the call's audit trail and timeline. */
@Entity
@Table(name = "call_event")
public class CallEventRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "call_id", nullable = false)
    private Long callId;
    @Column(nullable = false, length = 32)
    private String event;
    @Column(nullable = false, length = 24)
    private String state;
    @Column(name = "agent_id")
    private Long agentId;
    @Column(length = 500)
    private String detail;
    @Column(nullable = false)
    private Instant at;

    protected CallEventRecord() {
    }

    public CallEventRecord(Long callId, String event, String state, Long agentId, String detail, Instant at) {
        this.callId = callId;
        this.event = event;
        this.state = state;
        this.agentId = agentId;
        this.detail = detail;
        this.at = at;
    }

    public Long getCallId() { return callId; }
    public String getEvent() { return event; }
    public String getState() { return state; }
    public Long getAgentId() { return agentId; }
    public String getDetail() { return detail; }
    public Instant getAt() { return at; }
}
