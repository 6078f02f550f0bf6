package org.sangdam.b2bua;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sangdam.sip.domain.RtpConfig;
import org.sangdam.sip.domain.SipSettings;

/**
 * Every 5 s, ends the calls whose customer or agent phone has sent no RTP for the
 * configured timeout ({@code sangdam.media.rtp-timeout}, 60 s): a phone that loses
 * power or network sends no BYE, and must not keep an agent on a dead call.
 * A non-persistent timer: after a restart there are no calls to watch.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RtpWatchdog {
    @Inject
    B2bua b2bua;

    private final long timeoutMillis = RtpConfig.fromSystem(SipSettings.fromSystem().address()).timeoutSeconds() * 1000L;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void check() {
        b2bua.endSilentLegs(timeoutMillis);
    }
}
