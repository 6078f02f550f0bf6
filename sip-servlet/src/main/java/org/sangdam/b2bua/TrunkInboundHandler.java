package org.sangdam.b2bua;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.b2bua.domain.B2buaCall;
import org.sangdam.b2bua.domain.SessionTimer;
import org.sangdam.call.CallArrival;
import org.sangdam.call.CallControl;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.media.MediaLeg;
import org.sangdam.media.NoCommonCodecException;
import org.sangdam.sip.LegListener;
import org.sangdam.sip.SipExchange;
import org.sangdam.sip.SipHandler;
import org.sangdam.sip.SipNetwork;
import org.sangdam.trunk.TrunkGate;
import org.sangdam.trunk.domain.InboundGate;

import javax.sip.Dialog;
import javax.sip.TransactionState;
import java.time.Instant;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The customer's INVITE from a trunk (R2.4–R2.6), the trunk-inbound leg. The
 * {@link TrunkGate} decides whether it may enter (403 unknown source, 407 challenge
 * for a trunk's credentials, 404 unknown number: nothing else happens); the offer must have a codec we speak (488, nothing
 * else happens); then the CTI core queues the call, the INVITE is answered 200 with
 * our SDP and the DID's scenario runs ({@link ScenarioDriver}: greeting, menu, hours,
 * queue music). The leg's BYE and
 * re-INVITEs come back here.
 */
@ApplicationScoped
public class TrunkInboundHandler implements SipHandler {
    private static final Logger LOG = Logger.getLogger(TrunkInboundHandler.class);

    @Inject
    TrunkGate gate;
    @Inject
    CallMedia media;
    @Inject
    SipNetwork network;
    @Inject
    B2bua b2bua;
    @Inject
    ScenarioDriver scenarios;
    @Inject
    SessionTimers sessionTimers;
    @EJB
    CallControl core;

    @Override
    public String method() {
        return Request.INVITE;
    }

    @Override
    public void handle(SipExchange exchange) throws Exception {
        Request request = exchange.request();
        String dialled = request.getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
        InboundGate.Admit admit = gate.admit(exchange, dialled).orElse(null);
        if (admit == null) {
            return; // refused or challenged (407): nothing else happens
        }
        if (exchange.transaction() == null) {
            exchange.reply(Response.SERVER_INTERNAL_ERROR);
            return;
        }
        String offer = Sdp.body(request);
        if (offer == null) {
            exchange.reply(Response.NOT_ACCEPTABLE_HERE, "Not Acceptable Here (an SDP offer is required)");
            return;
        }
        SessionTimer.Decision timer = sessionTimers.forInvite(exchange);
        if (timer instanceof SessionTimer.TooSmall) {
            return; // answered 422: nothing else happens
        }
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        MediaLeg leg = media.engine().openLeg("customer " + sipCallId);
        String answer;
        try {
            answer = leg.answer(offer);
        } catch (NoCommonCodecException e) {
            leg.close();
            exchange.reply(Response.NOT_ACCEPTABLE_HERE);
            return;
        } catch (IllegalArgumentException e) {
            leg.close();
            exchange.reply(Response.NOT_ACCEPTABLE_HERE, "Not Acceptable Here (SDP not understood)");
            return;
        } catch (RuntimeException e) {
            leg.close();
            throw e;
        }
        // recording the arrival is a transaction with the database that may wait for the service's
        // CTI lock: it runs on the call's own queue, not on the stack's thread, and the carrier
        // hears 100 Trying now (no retransmissions) and 200 once the core has spoken
        exchange.trying();
        exchange.answerLater();
        CallEvents events = b2bua.events();
        events.execute(() -> {
            try {
                arrive(exchange, admit, leg, answer, timer, events);
            } catch (Exception e) {
                LOG.errorf(e, "INVITE for %s from %s:%d failed", admit.did().number(), exchange.remoteHost(), exchange.remotePort());
                if (exchange.transaction().getState() == TransactionState.PROCEEDING) { // not answered yet
                    refuse(exchange, leg, Response.SERVER_INTERNAL_ERROR, null);
                }
            }
        });
    }

    /** the core queues the call; then 200 with our SDP and the DID's scenario (on the call's queue) */
    private void arrive(SipExchange exchange, InboundGate.Admit admit, MediaLeg leg, String answer, SessionTimer.Decision timer,
                        CallEvents events) throws Exception {
        Request request = exchange.request();
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        if (exchange.cancelled()) {
            leg.close(); // the caller's CANCEL came before the core heard of the call: 487 went out, nothing else happens
            LOG.infof("INVITE for %s from %s:%d cancelled before arrival", admit.did().number(), exchange.remoteHost(), exchange.remotePort());
            return;
        }
        CallArrival arrival;
        try {
            arrival = core.arrive(admit.did().number(), caller(request));
        } catch (NotFoundException e) {
            refuse(exchange, leg, Response.NOT_FOUND, null);
            return;
        } catch (ConflictException e) {
            refuse(exchange, leg, Response.FORBIDDEN, "Forbidden (no CTI inbound)");
            return;
        }
        long callId = arrival.callId();
        LiveCall call = b2bua.add(new LiveCall(callId, B2buaCall.inbound(), caller(request), null, events));
        synchronized (call) {
            call.tenantId = arrival.tenantId();
            call.ringSeconds = arrival.recallSeconds();
            call.customerMedia = leg;
            call.customerSipCallId = sipCallId;
            call.ourNumber = admit.did().number();
        }
        if (!exchange.claimAnswer()) {
            // the caller's CANCEL crossed the arrival: 487 went out instead of our 200; the call leaves the queue
            // as a caller who hung up while queued (core told, media closed), and no scenario starts
            LOG.infof("call %d: cancelled by the caller before our answer", callId);
            b2bua.apply(call, B2buaCall::customerHungUp);
            return;
        }
        synchronized (call) {
            Dialog dialog = exchange.provider().getNewDialog(exchange.transaction());
            call.customerDialog = dialog;
            network.legs().add(sipCallId, customerLeg(call));
            Response ok = exchange.response(Response.OK);
            ok.addHeader(network.contact(admit.did().number()));
            network.allow(ok);
            Sdp.attach(exchange, ok, answer);
            sessionTimers.stamp(ok, timer);
            exchange.send(ok);
            sessionTimers.watch(call, sipCallId, dialog, timer, answer, () -> b2bua.apply(call, B2buaCall::customerVanished));
        }
        LOG.infof("call %d: %s from trunk %s for %s", callId, caller(request), admit.trunk().name(), admit.did().number());
        scenarios.start(call, arrival.scenario().start(Instant.now()));
    }

    private static void refuse(SipExchange exchange, MediaLeg leg, int status, String reason) {
        if (leg != null) {
            leg.close();
        }
        try {
            exchange.reply(status, reason);
        } catch (Exception e) {
            LOG.debugf("could not answer %d: %s", status, e.getMessage());
        }
    }

    /** the customer side of a call, inbound or outbound: BYE ends the call, re-INVITEs get our media */
    LegListener customerLeg(LiveCall call) {
        return exchange -> {
            if (Request.BYE.equals(exchange.request().getMethod())) {
                exchange.reply(Response.OK);
                scenarios.stop(call);
                boolean announcing;
                synchronized (call) {
                    announcing = call.model.ended(); // gone during a closing prompt or an announcement
                }
                b2bua.apply(call, B2buaCall::customerHungUp);
                if (announcing) {
                    b2bua.close(call);
                }
            } else {
                Sdp.answerInDialog(exchange, network, call.customerMedia, "sangdam");
            }
        };
    }

    private static String caller(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (from != null && from.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null) {
            return uri.getUser();
        }
        return "anonymous";
    }
}
