package org.sangdam.tenant;

import java.util.List;

/** Services (tenants) and their contracts (R1.1). */
public interface TenantService {
    /** every service for a system administrator; one's own service otherwise */
    List<TenantInfo> list();

    TenantInfo get(long id);

    TenantInfo create(TenantSpec spec);

    TenantInfo rename(long id, TenantSpec spec);

    TenantInfo updateContract(long id, ContractTerms terms);
}
