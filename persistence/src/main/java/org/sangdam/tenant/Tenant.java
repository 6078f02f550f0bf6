package org.sangdam.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A service (서비스): one customer company's helpdesk, the unit of tenancy. Its
 * contract carries the CTI switches (R1.1): without {@code ctiInbound} no call is
 * routed to its agents, without {@code ctiOutbound} none of them can dial.
 */
@Entity
@Table(name = "service")
public class Tenant {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true, length = 100)
    private String name;
    @Column(name = "cti_inbound", nullable = false)
    private boolean ctiInbound;
    @Column(name = "cti_outbound", nullable = false)
    private boolean ctiOutbound;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Tenant() {
    }

    public Tenant(String name, boolean ctiInbound, boolean ctiOutbound) {
        this.name = name;
        this.ctiInbound = ctiInbound;
        this.ctiOutbound = ctiOutbound;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isCtiInbound() { return ctiInbound; }
    public boolean isCtiOutbound() { return ctiOutbound; }
    public Instant getCreatedAt() { return createdAt; }

    public void setContract(boolean ctiInbound, boolean ctiOutbound) {
        this.ctiInbound = ctiInbound;
        this.ctiOutbound = ctiOutbound;
    }
}
