package org.sangdam.trunk;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.cti.domain.SipDigest;
import org.sangdam.registrar.DigestHeaders;
import org.sangdam.registrar.domain.NonceIssuer;
import org.sangdam.sip.SipExchange;
import org.sangdam.sip.domain.SipSettings;
import org.sangdam.trunk.domain.InboundGate;
import org.sangdam.trunk.domain.TrunkAuthenticator;

import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The door for INVITEs from the network (issue 5 item 2): translates the request
 * for the {@link InboundGate} (source address, dialled number, the
 * {@code Proxy-Authorization} credentials) and answers whatever it does not admit:
 * 407 with {@code Proxy-Authenticate} (a trunk's credentials may admit it), 403,
 * 404 or 400. The nonces are the registrar's kind, with a key of their own.
 */
@ApplicationScoped
public class TrunkGate {
    private static final Logger LOG = Logger.getLogger(TrunkGate.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    @Inject
    Trunks trunks;

    private TrunkAuthenticator authenticator;
    private volatile Instant purged = Instant.EPOCH;

    @PostConstruct
    void init() {
        authenticator = new TrunkAuthenticator(SipDigest.REALM, NonceIssuer.withRandomKey(SipSettings.fromSystem().nonceLifetime()),
                Clock.systemUTC());
    }

    /** the admitted call's trunk and number, or empty when the INVITE has been answered with a refusal or a challenge */
    public Optional<InboundGate.Admit> admit(SipExchange exchange, String dialled) throws Exception {
        purgeNowAndThen();
        InboundGate.Verdict verdict = InboundGate.check(trunks.routes(), exchange.remoteHost(), dialled,
                DigestHeaders.read(exchange, ProxyAuthorizationHeader.NAME, true), authenticator, trunks::did);
        switch (verdict) {
            case InboundGate.Admit admit -> {
                return Optional.of(admit);
            }
            case InboundGate.Refuse refuse -> {
                LOG.infof("INVITE for %s from %s:%d refused: %d", dialled, exchange.remoteHost(), exchange.remotePort(), refuse.status());
                exchange.reply(refuse.status(), refuse.reason());
            }
            case InboundGate.Challenge challenge -> {
                Response response = exchange.response(Response.PROXY_AUTHENTICATION_REQUIRED);
                ProxyAuthenticateHeader h = exchange.headers().createProxyAuthenticateHeader("Digest");
                h.setRealm(challenge.realm());
                h.setNonce(challenge.nonce());
                h.setQop("auth");
                h.setAlgorithm("MD5");
                if (challenge.stale()) {
                    h.setStale(true);
                }
                response.setHeader(h);
                exchange.send(response);
            }
        }
        return Optional.empty();
    }

    private void purgeNowAndThen() {
        Instant now = Instant.now();
        if (purged.plus(PURGE_EVERY).isBefore(now)) {
            purged = now;
            authenticator.purge();
        }
    }
}
