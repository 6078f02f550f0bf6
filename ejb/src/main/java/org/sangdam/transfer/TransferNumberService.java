package org.sangdam.transfer;

import java.util.List;

/**
 * A service's frequently used transfer numbers (R1.6). Agents edit the list from
 * the transfer dialog, so every member of the service may add and remove entries.
 */
public interface TransferNumberService {
    List<TransferNumberInfo> list(long tenantId);

    TransferNumberInfo add(long tenantId, TransferNumberSpec spec);

    void remove(long tenantId, long id);
}
