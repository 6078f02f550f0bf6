package org.sangdam.tenant;

import java.time.Instant;

/** A service as the API shows it, contract switches included (R1.1). */
public record TenantInfo(long id, String name, boolean ctiInbound, boolean ctiOutbound, Instant createdAt) {
    static TenantInfo of(Tenant t) {
        return new TenantInfo(t.getId(), t.getName(), t.isCtiInbound(), t.isCtiOutbound(), t.getCreatedAt());
    }
}
