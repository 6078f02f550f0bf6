package org.sangdam.telephony;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.function.Supplier;

/**
 * The media engine's counters for system administrators (issue 5: packets received, relayed and
 * dropped, open legs). The EJB module cannot see the SIP layer's engine, so the SIP layer plugs
 * its counters in here at start-up, as it does its telephony with the gateway. Read-only.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaMonitor {
    private volatile Supplier<MediaCounters> source;

    @PermitAll
    public void plugIn(Supplier<MediaCounters> counters) {
        source = counters;
    }

    @PermitAll
    public void unplug(Supplier<MediaCounters> counters) {
        if (source == counters) {
            source = null;
        }
    }

    /** The counters now; {@link MediaCounters#NOT_RUNNING} when no engine is running. */
    @RolesAllowed("SYSTEM_ADMIN")
    public MediaCounters counters() {
        Supplier<MediaCounters> s = source;
        MediaCounters c = s == null ? null : s.get();
        return c == null ? MediaCounters.NOT_RUNNING : c;
    }
}
