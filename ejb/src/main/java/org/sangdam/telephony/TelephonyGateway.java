package org.sangdam.telephony;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.sangdam.common.domain.UnavailableException;

/**
 * Where the phone network plugs in. The EJB module cannot see the SIP layer's
 * classes, so the SIP layer registers its {@link TelephonyPort} here at start-up.
 * Without one, actions that need the network are refused (503) and change nothing;
 * the product never falls back to a fake.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TelephonyGateway {
    private static final Logger LOG = Logger.getLogger(TelephonyGateway.class);

    private volatile TelephonyPort port;
    private volatile int priority = Integer.MIN_VALUE;

    /** The highest priority wins, so a test adapter can stand in for the SIP layer in tests. */
    public synchronized void register(TelephonyPort candidate, int candidatePriority) {
        if (port == null || candidatePriority >= priority) {
            port = candidate;
            priority = candidatePriority;
            LOG.infof("Telephony: %s (priority %d)", candidate.getClass().getName(), candidatePriority);
        }
    }

    public synchronized void unregister(TelephonyPort candidate) {
        if (port == candidate) {
            port = null;
            priority = Integer.MIN_VALUE;
        }
    }

    public boolean available() {
        return port != null;
    }

    /** @throws UnavailableException when no phone network is connected */
    public void requireAvailable() {
        if (port == null) {
            throw new UnavailableException("the phone network (SIP layer) is not running").coded("telephony.unavailable");
        }
    }

    public void carryOut(@Observes(during = TransactionPhase.AFTER_SUCCESS) TelephonyCommand command) {
        TelephonyPort p = port;
        if (p == null) {
            LOG.warnf("No telephony for: %s", command.description());
            return;
        }
        try {
            command.action().accept(p);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Telephony command failed: %s", command.description());
        }
    }
}
