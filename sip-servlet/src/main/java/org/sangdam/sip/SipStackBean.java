package org.sangdam.sip;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.registrar.RegistrarHandler;
import org.sangdam.sip.domain.SipSettings;

import java.util.List;

/**
 * Hosts the SIP stack in WildFly for the lifetime of the deployment: binds it when
 * the EAR deploys and stops it (sockets, connections, timers, threads) when the
 * EAR undeploys, so a redeploy binds the same port again. Why a singleton start-up
 * bean and not a JCA resource adapter: see the module's README.
 * <p>
 * A port that cannot be bound fails the deployment: a contact center that cannot
 * hear its phones should not look healthy.
 */
@Singleton
@Startup
@DependsOn("RegistrationsBean")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SipStackBean {
    private static final Logger LOG = Logger.getLogger(SipStackBean.class);

    @Inject
    RegistrarHandler registrar;
    @Inject
    OptionsHandler options;
    @Inject
    SipNetwork network;
    @Inject
    org.sangdam.b2bua.TrunkInboundHandler trunkInbound;

    private SipServer server;

    @PostConstruct
    void start() {
        SipSettings settings = SipSettings.fromSystem();
        try {
            server = SipServer.start(settings, List.of(registrar, options, trunkInbound), network.legs());
            network.attach(server);
        } catch (Exception e) {
            throw new IllegalStateException("SIP could not listen on " + settings.address() + ":" + settings.port()
                    + " " + settings.transports() + ": " + e.getMessage(), e);
        }
        LOG.infof("SIP listening on %s:%d (%s); registrar for agent phones in realm \"%s\"",
                settings.address(), settings.port(), String.join(", ", settings.transports()), registrar.realm());
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            network.detach();
            server.close();
            LOG.infof("SIP stopped on %s:%d", server.settings().address(), server.settings().port());
        }
    }

    public SipSettings settings() {
        return server.settings();
    }
}
