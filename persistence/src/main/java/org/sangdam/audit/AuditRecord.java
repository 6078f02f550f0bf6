package org.sangdam.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One administrative change: who did what to which object, when; never changed after it is written. */
@Entity
@Table(name = "admin_audit")
public class AuditRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Instant at;
    @Column(nullable = false, length = 64)
    private String actor;
    @Column(name = "service_id")
    private Long tenantId;
    @Column(nullable = false, length = 48)
    private String action;
    @Column(nullable = false, length = 200)
    private String target;
    @Column(length = 1000)
    private String detail;

    protected AuditRecord() {
    }

    public AuditRecord(Instant at, String actor, Long tenantId, String action, String target, String detail) {
        this.at = at;
        this.actor = actor;
        this.tenantId = tenantId;
        this.action = action;
        this.target = cut(target, 200);
        this.detail = detail == null ? null : cut(detail, 1000);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public Long getTenantId() { return tenantId; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getDetail() { return detail; }
}
