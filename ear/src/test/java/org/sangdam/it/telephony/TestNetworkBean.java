package org.sangdam.it.telephony;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.sangdam.telephony.TelephonyGateway;

/** Plugs the recording adapter into the core when the test WAR deploys, ahead of any real telephony. */
@Singleton
@Startup
@DependsOn("sangdam-ejb.jar#TelephonyGateway")
public class TestNetworkBean {
    static final int PRIORITY = 1000;

    @EJB
    TelephonyGateway gateway;

    private final RecordingTelephony telephony = new RecordingTelephony();

    @PostConstruct
    void plugIn() {
        gateway.register(telephony, PRIORITY);
    }

    @PreDestroy
    void unplug() {
        gateway.unregister(telephony);
    }

    public RecordingTelephony telephony() {
        return telephony;
    }
}
