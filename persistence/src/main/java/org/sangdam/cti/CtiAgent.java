package org.sangdam.cti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/**
 * An agent's telephony identity (R1.4): CTI ID and CTI number (extension), both
 * unique across the installation, and the digest HA1 its phone registers with.
 */
@Entity
@Table(name = "cti_agent")
public class CtiAgent {
    @Id
    @Column(name = "user_id")
    private Long userId;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(name = "cti_id", nullable = false, unique = true, length = 32)
    private String ctiId;
    @Column(name = "cti_number", nullable = false, unique = true, length = 16)
    private String ctiNumber;
    @Column(name = "sip_realm", nullable = false, length = 64)
    private String sipRealm;
    @Column(name = "sip_ha1", nullable = false, length = 32)
    private String sipHa1;
    /** comma-separated queues the agent answers; null = every queue of the service */
    @Column(length = 1000)
    private String queues;

    protected CtiAgent() {
    }

    public CtiAgent(Long userId, Long tenantId) {
        this.userId = userId;
        this.tenantId = tenantId;
    }

    public Long getUserId() { return userId; }
    public Long getTenantId() { return tenantId; }
    public String getCtiId() { return ctiId; }
    public String getCtiNumber() { return ctiNumber; }
    public String getSipRealm() { return sipRealm; }
    public String getSipHa1() { return sipHa1; }

    /** The queues the agent answers, in the order set; empty = every queue (a generalist). */
    public List<String> getQueues() {
        return queues == null || queues.isBlank() ? List.of() : List.of(queues.split(","));
    }

    public void setQueues(List<String> names) {
        this.queues = names.isEmpty() ? null : String.join(",", names);
    }

    public void assign(String ctiId, String ctiNumber, String sipRealm, String sipHa1) {
        this.ctiId = ctiId;
        this.ctiNumber = ctiNumber;
        this.sipRealm = sipRealm;
        this.sipHa1 = sipHa1;
    }
}
