package org.sangdam.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A frequently used transfer number (자주 사용되는 호전환 번호) of a service (R1.6). */
@Entity
@Table(name = "transfer_number")
public class TransferNumber {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(nullable = false, length = 64)
    private String label;
    @Column(nullable = false, length = 20)
    private String number;

    protected TransferNumber() {
    }

    public TransferNumber(Long tenantId, String label, String number) {
        this.tenantId = tenantId;
        this.label = label;
        this.number = number;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getLabel() { return label; }
    public String getNumber() { return number; }
}
