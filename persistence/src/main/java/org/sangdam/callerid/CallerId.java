package org.sangdam.callerid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sangdam.callerid.domain.CallerIdAction;
import org.sangdam.callerid.domain.CallerIdLifecycle;
import org.sangdam.callerid.domain.CallerIdStatus;

import java.time.Instant;

/** One registration of an outbound number (발신번호) by a service (R1.5); its status follows {@link CallerIdLifecycle}. */
@Entity
@Table(name = "caller_id")
public class CallerId {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(nullable = false, length = 20)
    private String number;
    @Column(length = 500)
    private String note;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CallerIdStatus status = CallerIdStatus.PENDING;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "registered_by", nullable = false, length = 64)
    private String registeredBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_by", length = 64)
    private String decidedBy;
    @Column(length = 500)
    private String reason;

    protected CallerId() {
    }

    public CallerId(Long tenantId, String number, String note, String registeredBy) {
        this.tenantId = tenantId;
        this.number = number;
        this.note = note;
        this.registeredBy = registeredBy;
        this.registeredAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getNumber() { return number; }
    public String getNote() { return note; }
    public CallerIdStatus getStatus() { return status; }
    public Instant getRegisteredAt() { return registeredAt; }
    public String getRegisteredBy() { return registeredBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public String getReason() { return reason; }

    public void decide(CallerIdAction action, String by, String reason) {
        this.status = CallerIdLifecycle.apply(status, action);
        this.decidedBy = by;
        this.decidedAt = Instant.now();
        this.reason = reason;
    }
}
