package org.sangdam.cti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An inbound number (DID) that rings a service, through one of its scenarios (R1.3). */
@Entity
@Table(name = "inbound_number")
public class InboundNumber {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true, length = 20)
    private String number;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(name = "scenario_id", nullable = false)
    private Long scenarioId;
    @Column(name = "trunk_id")
    private Long trunkId;

    protected InboundNumber() {
    }

    public InboundNumber(String number) {
        this.number = number;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public Long getTenantId() { return tenantId; }
    public Long getScenarioId() { return scenarioId; }
    public Long getTrunkId() { return trunkId; }

    public void route(Long tenantId, Long scenarioId, Long trunkId) {
        this.tenantId = tenantId;
        this.scenarioId = scenarioId;
        this.trunkId = trunkId;
    }
}
