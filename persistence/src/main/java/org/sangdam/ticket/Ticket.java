package org.sangdam.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The helpdesk record of one customer contact, created when a call connects (R2.5, R2.8). */
@Entity
@Table(name = "ticket")
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(name = "call_id", nullable = false)
    private Long callId;
    @Column(name = "customer_number", nullable = false, length = 20)
    private String customerNumber;
    @Column(nullable = false, length = 16)
    private String channel;
    @Column(nullable = false, length = 8)
    private String direction;
    @Column(name = "agent_id", nullable = false)
    private Long agentId;
    @Column(nullable = false, length = 16)
    private String status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(length = 64)
    private String category;
    @Column(length = 4000)
    private String note;

    protected Ticket() {
    }

    public Ticket(Long tenantId, Long callId, String customerNumber, String direction, Long agentId, Instant createdAt) {
        this.tenantId = tenantId;
        this.callId = callId;
        this.customerNumber = customerNumber;
        this.channel = "PHONE";
        this.direction = direction;
        this.agentId = agentId;
        this.status = "NEW";
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public Long getCallId() { return callId; }
    public String getCustomerNumber() { return customerNumber; }
    public String getChannel() { return channel; }
    public String getDirection() { return direction; }
    public Long getAgentId() { return agentId; }

    /** The call went to another agent (the first one's phone failed): the ticket follows it. */
    public void reassign(Long agent) { this.agentId = agent; }
    public String getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCategory() { return category; }
    public String getNote() { return note; }

    /** the agent's work on the ticket: status (NEW, OPEN, PENDING, SOLVED), category and notes */
    public void work(String status, String category, String note) {
        this.status = status;
        this.category = category;
        this.note = note;
    }
}
