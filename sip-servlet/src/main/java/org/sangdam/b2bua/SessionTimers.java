package org.sangdam.b2bua;

import gov.nist.javax.sip.header.extensions.MinSE;
import gov.nist.javax.sip.header.extensions.MinSEHeader;
import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.b2bua.domain.SessionTimer;
import org.sangdam.sip.ResponseListener;
import org.sangdam.sip.SessionRefresh;
import org.sangdam.sip.SipExchange;
import org.sangdam.sip.SipNetwork;
import org.sangdam.sip.domain.SipSettings;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.AllowHeader;
import javax.sip.header.Header;
import javax.sip.header.RequireHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.ListIterator;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * RFC 4028 session timers on every leg of a call: the customer's (from or through
 * the trunk), the agent's phone and the consultation target (the rules:
 * {@link SessionTimer}): translates {@code Session-Expires},
 * {@code Min-SE}, {@code Supported}/{@code Require: timer} and {@code Allow}, answers
 * 422, stamps our 2xx, and runs one timer per leg: when the far end refreshes, a
 * missing refresh ends the call as if that side had hung up (both legs end, the
 * agent is freed); when we refresh, we send UPDATE every half interval (a
 * re-INVITE with the SDP we last sent, unchanged, to a peer whose Allow lacks
 * UPDATE) and a refresh that gets 408, 481 or no answer does the same. Our
 * INVITEs ask for our interval; a 422 to one is retried with its Min-SE by
 * {@link RetriedInvite}.
 */
@ApplicationScoped
public class SessionTimers {
    private static final Logger LOG = Logger.getLogger(SessionTimers.class);

    @Inject
    SipNetwork network;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private final SessionTimer rules = SipSettings.sessionTimerFromSystem();

    /** the decision for an INVITE we answer; a too small interval has been answered 422 here */
    SessionTimer.Decision forInvite(SipExchange exchange) throws Exception {
        Request request = exchange.request();
        SessionExpiresHeader se = header(request, SessionExpiresHeader.NAME) instanceof SessionExpiresHeader h ? h : null;
        MinSE minSe = header(request, MinSEHeader.NAME) instanceof MinSE h ? h : null;
        SessionTimer.Decision decision = rules.asUas(se == null ? null : se.getExpires(), se == null ? null : se.getRefresher(),
                minSe == null ? null : minSe.getExpires(), lists(request, SupportedHeader.NAME, "timer") || lists(request, RequireHeader.NAME, "timer"),
                lists(request, AllowHeader.NAME, Request.UPDATE));
        if (decision instanceof SessionTimer.TooSmall tooSmall) {
            Response response = exchange.response(422, "Session Interval Too Small");
            response.addHeader(exchange.headers().createHeader("Min-SE", Integer.toString(tooSmall.minSe())));
            exchange.send(response);
        }
        return decision;
    }

    /** our INVITE to a phone asks for our interval, refreshed by the phone */
    void offer(Request invite) throws Exception {
        var headers = network.factories().headers();
        invite.addHeader(headers.createSupportedHeader("timer"));
        invite.addHeader(headers.createHeader("Session-Expires", rules.interval() + ";refresher=uas"));
        invite.addHeader(headers.createHeader("Min-SE", Integer.toString(rules.minSe())));
    }

    /** the decision for the 2xx a phone answered our INVITE with */
    SessionTimer.Decision forAnswer(Response ok) {
        SessionExpiresHeader se = header(ok, SessionExpiresHeader.NAME) instanceof SessionExpiresHeader h ? h : null;
        return rules.asUac(se == null ? null : se.getExpires(), se == null ? null : se.getRefresher(), lists(ok, AllowHeader.NAME, Request.UPDATE));
    }

    /** puts the granted interval in our 2xx to the INVITE (or to a refresh) */
    void stamp(Response ok, SessionTimer.Decision decision) throws Exception {
        if (decision instanceof SessionTimer.Timer timer) {
            var headers = network.factories().headers();
            ok.setHeader(headers.createHeader("Session-Expires", timer.seconds() + ";refresher=" + timer.refresherParam()));
            ok.addHeader(headers.createSupportedHeader("timer"));
            if (timer.requireTimer()) {
                ok.addHeader(headers.createRequireHeader("timer"));
            }
        }
    }

    /**
     * Runs the leg's timer until the leg is gone from the directory.
     *
     * @param ourSdp   the SDP we last sent on the leg (our answer, or our offer), for a refresh by re-INVITE
     * @param vanished what the call does when the far end is gone (the B2BUA's rules)
     */
    void watch(LiveCall call, String callId, Dialog dialog, SessionTimer.Decision decision, String ourSdp, Runnable vanished) {
        if (decision instanceof SessionTimer.Timer timer) {
            Guard guard = new Guard(call, callId, dialog, timer, ourSdp, vanished);
            network.legs().onRefresh(callId, guard);
            guard.arm();
        }
    }

    private static Header header(Message message, String name) {
        return message.getHeader(name);
    }

    private static boolean lists(Message message, String name, String token) {
        ListIterator<?> it = message.getHeaders(name);
        while (it != null && it.hasNext()) {
            Object h = it.next();
            String value = switch (h) {
                case SupportedHeader s -> s.getOptionTag();
                case RequireHeader r -> r.getOptionTag();
                case AllowHeader a -> a.getMethod();
                default -> h.toString();
            };
            if (value != null && value.toLowerCase(Locale.ROOT).contains(token.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** one leg's session timer */
    private final class Guard implements SessionRefresh, ResponseListener {
        private final LiveCall call;
        private final String callId;
        private final Dialog dialog;
        private final SessionTimer.Timer timer;
        private final Runnable vanished;
        private volatile String ourSdp;
        private ScheduledFuture<?> next;

        Guard(LiveCall call, String callId, Dialog dialog, SessionTimer.Timer timer, String ourSdp, Runnable vanished) {
            this.call = call;
            this.callId = callId;
            this.dialog = dialog;
            this.timer = timer;
            this.ourSdp = ourSdp;
            this.vanished = vanished;
        }

        synchronized void arm() {
            if (next != null) {
                next.cancel(false);
            }
            if (!live()) {
                return;
            }
            next = timer.refresher() == SessionTimer.Refresher.PEER
                    ? scheduler.schedule(this::expired, timer.expiryCheck().toMillis(), TimeUnit.MILLISECONDS)
                    : scheduler.schedule(this::refresh, timer.refreshAfter().toMillis(), TimeUnit.MILLISECONDS);
        }

        /** the leg ended: no timer task keeps the call in memory until it would have fired */
        @Override
        public synchronized void stop() {
            if (next != null) {
                next.cancel(false);
                next = null;
            }
        }

        private boolean live() {
            return network.legs().refreshOf(callId).orElse(null) == this;
        }

        @Override
        public void refreshed(Request refresh, Response answer) throws Exception {
            stamp(answer, timer);
            String sdp = Sdp.body(answer);
            if (sdp != null) {
                ourSdp = sdp; // a re-INVITE of ours repeats what the far end last heard from us
            }
            arm();
        }

        private void expired() {
            if (live()) {
                LOG.infof("%s: no session refresh on leg %s within %d s: the far end is gone", call, callId, timer.seconds());
                gone();
            }
        }

        private void refresh() {
            if (!live()) {
                return;
            }
            boolean reInvite = Request.INVITE.equals(timer.refreshMethod());
            try {
                var headers = network.factories().headers();
                Request refresh = dialog.createRequest(reInvite ? Request.INVITE : Request.UPDATE);
                refresh.setHeader(headers.createHeader("Session-Expires", timer.seconds() + ";refresher=" + timer.refresherParam()));
                refresh.addHeader(headers.createSupportedHeader("timer"));
                if (reInvite) {
                    // RFC 4028 §9 / RFC 3264 §8: the same session again, its SDP (and o= version) unchanged
                    refresh.setHeader(network.contact("sangdam"));
                    network.allow(refresh);
                    if (ourSdp != null) {
                        Sdp.attach(network, refresh, ourSdp);
                    }
                }
                ClientTransaction ct = network.provider().getNewClientTransaction(refresh);
                ct.setApplicationData(this);
                dialog.sendRequest(ct);
            } catch (Exception e) {
                if (reInvite && dialog.getState() != javax.sip.DialogState.TERMINATED && e instanceof javax.sip.SipException) {
                    // another INVITE transaction of the dialog is under way (the phone's hold, RFC 3261 §14.1): try at the next half interval
                    LOG.infof("%s: re-INVITE refresh on leg %s deferred: %s", call, callId, e.getMessage());
                    arm();
                    return;
                }
                LOG.warnf("%s: session refresh on leg %s could not be sent: %s", call, callId, e.getMessage());
                gone();
            }
        }

        @Override
        public void response(ResponseEvent event) {
            int status = event.getResponse().getStatusCode();
            if (status < 200) {
                return;
            }
            if (status < 300) {
                if (Request.INVITE.equals(event.getClientTransaction().getRequest().getMethod())) {
                    try {
                        long cseq = ((javax.sip.header.CSeqHeader) event.getResponse().getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
                        dialog.sendAck(dialog.createAck(cseq));
                    } catch (Exception e) {
                        LOG.warnf("%s: ACK to the refresh on leg %s failed: %s", call, callId, e.getMessage());
                    }
                }
                arm();
            } else if (status == Response.REQUEST_TIMEOUT || status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
                LOG.infof("%s: session refresh on leg %s answered %d: the far end is gone", call, callId, status);
                gone();
            } else {
                // RFC 4028 §10: another error leaves the session as it is; try again at the next half interval
                LOG.infof("%s: session refresh on leg %s answered %d", call, callId, status);
                arm();
            }
        }

        @Override
        public void timeout() {
            LOG.infof("%s: session refresh on leg %s unanswered: the far end is gone", call, callId);
            gone();
        }

        private void gone() {
            network.legs().refreshOf(callId).filter(r -> r == this).ifPresent(r -> vanished.run());
        }
    }
}
