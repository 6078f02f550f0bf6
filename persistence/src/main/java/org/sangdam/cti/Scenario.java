package org.sangdam.cti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The inbound call flow before an agent (시나리오): greeting, optional menu, queue
 * with music. The definition is a JSON document the scenario engine reads; this
 * foundation stores it, the in-call work defines its steps.
 */
@Entity
@Table(name = "scenario")
public class Scenario {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(nullable = false, length = 64)
    private String name;
    @Column(nullable = false, length = 8000)
    private String definition;

    protected Scenario() {
    }

    public Scenario(Long tenantId, String name, String definition) {
        this.tenantId = tenantId;
        this.name = name;
        this.definition = definition;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getName() { return name; }
    public String getDefinition() { return definition; }
    public void setDefinition(String definition) { this.definition = definition; }
}
