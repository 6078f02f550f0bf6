package org.sangdam.transfer;

import org.sangdam.phone.domain.PhoneNumbers;

/** A frequently used transfer number (R1.6). {@code number} is E.164 or an internal extension. */
public record TransferNumberInfo(long id, long serviceId, String label, String number, String display) {
    static TransferNumberInfo of(TransferNumber t) {
        return new TransferNumberInfo(t.getId(), t.getTenantId(), t.getLabel(), t.getNumber(), PhoneNumbers.display(t.getNumber()));
    }
}
