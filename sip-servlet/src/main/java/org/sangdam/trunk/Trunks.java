package org.sangdam.trunk;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.cti.CtiRepository;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.trunk.domain.InboundGate;
import org.sangdam.trunk.domain.TrunkCredentials;
import org.sangdam.trunk.domain.TrunkRoute;

import java.util.List;
import java.util.Optional;

/**
 * The installation's trunks and inbound numbers, read from the database for each call
 * (R1.3). Read-only and outside any transaction: the core's commands run after its
 * transaction committed (still associated with the thread), where joining it would fail.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Trunks {
    @Inject
    CtiRepository cti;

    public List<TrunkRoute> routes() {
        return cti.trunks().stream()
                .map(t -> TrunkRoute.of(t.getId(), t.getName(), t.getHost(), t.getPort(), t.getTransport(), t.getAllowedSources(),
                        TrunkCredentials.of(t.getAuthUsername(), t.getAuthPassword())))
                .toList();
    }

    /** the configured inbound number for a dialled text, however it was written; empty when none or not a number */
    public Optional<InboundGate.Did> did(String dialled) {
        String number;
        try {
            number = PhoneNumbers.normalise("number", dialled);
        } catch (SangdamException notANumber) {
            return Optional.empty();
        }
        return cti.inboundNumberByNumber(number).map(n -> new InboundGate.Did(n.getNumber(), n.getTrunkId()));
    }

    /** where outbound calls go: the first configured trunk (one carrier per installation for now) */
    public Optional<TrunkRoute> outbound() {
        return routes().stream().findFirst();
    }
}
