package org.sangdam.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Something that happened to a ticket's call (hold, transfer, abusive termination, end), with who and when. */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;
    @Column(nullable = false, length = 32)
    private String kind;
    @Column(length = 500)
    private String detail;
    @Column(length = 64)
    private String actor;
    @Column(nullable = false)
    private Instant at;

    protected TicketEvent() {
    }

    public TicketEvent(Long ticketId, String kind, String detail, String actor, Instant at) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.detail = detail;
        this.actor = actor;
        this.at = at;
    }

    public Long getTicketId() { return ticketId; }
    public String getKind() { return kind; }
    public String getDetail() { return detail; }
    public String getActor() { return actor; }
    public Instant getAt() { return at; }
}
