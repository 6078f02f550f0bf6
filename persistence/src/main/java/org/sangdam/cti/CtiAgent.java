package org.sangdam.cti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    public void assign(String ctiId, String ctiNumber, String sipRealm, String sipHa1) {
        this.ctiId = ctiId;
        this.ctiNumber = ctiNumber;
        this.sipRealm = sipRealm;
        this.sipHa1 = sipHa1;
    }
}
