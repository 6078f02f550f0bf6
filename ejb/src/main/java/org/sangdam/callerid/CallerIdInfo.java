package org.sangdam.callerid;

import org.sangdam.callerid.domain.CallerIdStatus;
import org.sangdam.phone.domain.PhoneNumbers;

import java.time.Instant;

/** A caller-ID registration as the API shows it (R1.5). */
public record CallerIdInfo(long id, long serviceId, String number, String display, String note, CallerIdStatus status,
                           Instant registeredAt, String registeredBy, Instant decidedAt, String decidedBy, String reason) {
    static CallerIdInfo of(CallerId c) {
        return new CallerIdInfo(c.getId(), c.getTenantId(), c.getNumber(), PhoneNumbers.display(c.getNumber()), c.getNote(),
                c.getStatus(), c.getRegisteredAt(), c.getRegisteredBy(), c.getDecidedAt(), c.getDecidedBy(), c.getReason());
    }
}
