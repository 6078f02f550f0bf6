package org.sangdam.cti;

import org.sangdam.phone.domain.PhoneNumbers;

/** A DID and where it rings (R1.3). */
public record InboundNumberInfo(long id, String number, String display, long serviceId, long scenarioId, Long trunkId) {
    static InboundNumberInfo of(InboundNumber n) {
        return new InboundNumberInfo(n.getId(), n.getNumber(), PhoneNumbers.display(n.getNumber()), n.getTenantId(), n.getScenarioId(), n.getTrunkId());
    }
}
