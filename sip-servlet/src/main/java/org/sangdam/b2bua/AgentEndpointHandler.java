package org.sangdam.b2bua;

import gov.nist.javax.sip.stack.HopImpl;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.sangdam.b2bua.domain.B2buaCall;
import org.sangdam.b2bua.domain.Effect;
import org.sangdam.media.MediaLeg;
import org.sangdam.media.NoCommonCodecException;
import org.sangdam.registrar.Registrations;
import org.sangdam.registrar.domain.Binding;
import org.sangdam.registrar.domain.Delivery;
import org.sangdam.sip.LegListener;
import org.sangdam.sip.ResponseListener;
import org.sangdam.sip.SipNetwork;

import jakarta.inject.Inject;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The agent-endpoint leg: our INVITE to the agent's registered phones (one fork per
 * contact, R2.5/R2.7) with the auto-answer hints {@code Call-Info: <…>;answer-after=0}
 * and {@code Alert-Info: info=alert-autoanswer}; a phone that rings instead and is
 * answered by hand counts the same. Responses, the phone's BYE and its re-INVITEs
 * come back here and become events of the call's rules.
 */
@ApplicationScoped
public class AgentEndpointHandler {
    private static final Logger LOG = Logger.getLogger(AgentEndpointHandler.class);

    @Inject
    SipNetwork network;
    @Inject
    CallMedia media;
    @Inject
    B2bua b2bua;
    @Inject
    SessionTimers sessionTimers;
    @EJB
    Registrations registrations;
    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * Invites every registered phone of the agent.
     *
     * @return false when the agent has no registered phone (nothing was sent)
     */
    boolean invite(LiveCall call, String agentNumber, String displayNumber) {
        List<Binding> contacts = registrations.contactsOf(agentNumber);
        if (contacts.isEmpty()) {
            LOG.warnf("%s: agent %s has no registered phone", call, agentNumber);
            return false;
        }
        List<ClientTransaction> toSend = new ArrayList<>();
        synchronized (call) {
            if (call.model.ended()) {
                return true;
            }
            if (call.agentMedia == null) {
                call.agentMedia = media.engine().openLeg("agent " + agentNumber + " call " + call.callId);
            }
            String offer = call.agentMedia.offer();
            List<String> forks = new ArrayList<>();
            for (Binding contact : contacts) {
                try {
                    ClientTransaction ct = inviteOne(call, contact, agentNumber, displayNumber, offer);
                    String fork = ((CallIdHeader) ct.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
                    forks.add(fork);
                    call.agentInvites.put(fork, ct);
                    ct.setApplicationData(retried(call, responses(call, fork, Leg.AGENT), retry -> call.agentInvites.put(fork, retry)));
                    network.legs().add(fork, inCall(call, fork));
                    toSend.add(ct);
                } catch (Exception e) {
                    LOG.warnf("%s: INVITE to %s could not be built: %s", call, contact.contactUri(), e.getMessage());
                }
            }
            if (forks.isEmpty()) {
                return false;
            }
            call.model.agentInvited(forks);
            for (ClientTransaction ct : toSend) {
                try {
                    ct.sendRequest();
                } catch (Exception e) {
                    LOG.warnf("%s: INVITE to %s failed: %s", call, ct.getRequest().getRequestURI(), e.getMessage());
                }
            }
            if (call.ringSeconds > 0 && call.model.direction() == B2buaCall.Direction.INBOUND) {
                // R2.6: a phone ringing longer than the recall time gives the call back to the queue
                int seconds = call.ringSeconds;
                scheduler.schedule(() -> b2bua.apply(call, m -> m.agentRingTimedOut(forks, "no answer within " + seconds + " s")),
                        seconds, TimeUnit.SECONDS);
            }
        }
        return true;
    }

    /**
     * Issue 7 (R3.1–R3.2): invites the registered phones of {@code targetNumber} (a
     * Ready agent's CTI number) as the consultation leg: the customer goes to music,
     * the agent hears nothing until the target answers.
     *
     * @return false when the number has no registered phone (nothing was sent or changed)
     */
    boolean inviteConsult(LiveCall call, String targetNumber) {
        List<Binding> contacts = registrations.contactsOf(targetNumber);
        if (contacts.isEmpty()) {
            return false;
        }
        List<ClientTransaction> toSend = new ArrayList<>();
        try {
            consultInvites(call, targetNumber, contacts, toSend);
        } catch (RuntimeException e) {
            toSend.forEach(ct -> network.legs().remove(((CallIdHeader) ct.getRequest().getHeader(CallIdHeader.NAME)).getCallId()));
            throw e;
        }
        for (ClientTransaction ct : toSend) {
            try {
                ct.sendRequest();
            } catch (Exception e) {
                LOG.warnf("%s: consultation INVITE to %s failed: %s", call, ct.getRequest().getRequestURI(), e.getMessage());
            }
        }
        return true;
    }

    private void consultInvites(LiveCall call, String targetNumber, List<Binding> contacts, List<ClientTransaction> toSend) {
        b2bua.apply(call, m -> {
            if (call.consultMedia != null) {
                call.consultMedia.close();
            }
            call.consultMedia = media.engine().openLeg("consult " + targetNumber + " call " + call.callId);
            String offer = call.consultMedia.offer();
            List<String> forks = new ArrayList<>();
            for (Binding contact : contacts) {
                try {
                    ClientTransaction ct = inviteOne(call, contact, targetNumber, call.ourNumber, offer);
                    String fork = ((CallIdHeader) ct.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
                    forks.add(fork);
                    call.consultInvites.put(fork, ct);
                    ct.setApplicationData(retried(call, responses(call, fork, Leg.CONSULT), retry -> call.consultInvites.put(fork, retry)));
                    network.legs().add(fork, inCall(call, fork));
                    toSend.add(ct);
                } catch (Exception e) {
                    LOG.warnf("%s: consultation INVITE to %s could not be built: %s", call, contact.contactUri(), e.getMessage());
                }
            }
            return m.consultStarted(forks, true); // a registered CTI number: an agent, who takes the call over on Connect customer
        });
    }

    /** a phone's 422 to the INVITE is answered once with its Min-SE (RFC 4028 §7.4); the retry replaces the fork's transaction for CANCEL */
    private RetriedInvite retried(LiveCall call, ResponseListener inner, java.util.function.Consumer<ClientTransaction> fork) {
        return new RetriedInvite(network, null, inner, retry -> {
            synchronized (call) {
                fork.accept(retry);
            }
        });
    }

    private ClientTransaction inviteOne(LiveCall call, Binding contact, String agentNumber, String displayNumber, String offer) throws Exception {
        var f = network.factories();
        var settings = network.settings();
        SipURI target = (SipURI) f.addresses().createURI(contact.contactUri());
        Delivery delivery = Delivery.of(target.getHost(), target.getPort(), target.getTransportParam(), target.isSecure(), contact.source());
        String transport = delivery.transport();
        CallIdHeader callId = network.provider().getNewCallId();
        if (delivery.natted()) {
            // behind NAT: the phone's Contact is private; its REGISTER's source is the way in
            network.legs().sendVia(callId.getCallId(), new HopImpl(delivery.host(), delivery.port(), transport));
        }
        try {
            return inviteTo(target, callId, transport, agentNumber, displayNumber, offer);
        } catch (Exception | Error e) {
            network.legs().remove(callId.getCallId());
            throw e;
        }
    }

    private ClientTransaction inviteTo(SipURI target, CallIdHeader callId, String transport, String agentNumber,
                                       String displayNumber, String offer) throws Exception {
        var f = network.factories();
        var settings = network.settings();
        Address from = f.addresses().createAddress("sip:" + user(displayNumber) + "@" + settings.address());
        if (displayNumber != null) {
            from.setDisplayName(displayNumber);
        }
        Address to = f.addresses().createAddress("sip:" + agentNumber + "@" + settings.address());
        Request invite = f.messages().createRequest(target, Request.INVITE, callId,
                f.headers().createCSeqHeader(1L, Request.INVITE),
                f.headers().createFromHeader(from, SipNetwork.token()), f.headers().createToHeader(to, null),
                List.of(network.via(transport)), f.headers().createMaxForwardsHeader(70));
        invite.addHeader(network.contact("sangdam"));
        invite.addHeader(f.headers().createHeader("Call-Info", "<sip:" + settings.address() + ">;answer-after=0"));
        invite.addHeader(f.headers().createHeader("Alert-Info", "info=alert-autoanswer"));
        network.allow(invite);
        sessionTimers.offer(invite);
        Sdp.attach(network, invite, offer);
        ClientTransaction ct = network.provider().getNewClientTransaction(invite);
        network.provider().getNewDialog(ct);
        return ct;
    }

    private static String user(String number) {
        return number == null || number.isBlank() ? "anonymous" : number.replaceAll("[^0-9+*#]", "");
    }

    /**
     * Which of the call's outgoing legs a fork belongs to: the agent's phones, or the
     * consultation target (an agent's phones or one INVITE through the trunk). The SIP
     * handling of responses is the same for both; only the call's rules and the media
     * and dialog slots differ.
     */
    enum Leg {
        AGENT {
            @Override
            Set<String> cancelOnProvisional(LiveCall call) {
                return call.cancelOnProvisional;
            }

            @Override
            Map<String, Dialog> dialogs(LiveCall call) {
                return call.agentDialogs;
            }

            @Override
            MediaLeg media(LiveCall call) {
                return call.agentMedia;
            }

            @Override
            List<Effect> answered(B2buaCall m, String fork) {
                return m.agentForkAnswered(fork);
            }

            @Override
            String winner(B2buaCall m) {
                return m.agentWinner();
            }

            @Override
            Effect lateAnswerBye(String fork) {
                return new Effect.ByeAgentFork(fork);
            }

            @Override
            List<Effect> failed(B2buaCall m, String fork, String cause) {
                return m.agentForkFailed(fork, cause);
            }
        },
        CONSULT {
            @Override
            Set<String> cancelOnProvisional(LiveCall call) {
                return call.consultCancelOnProvisional;
            }

            @Override
            Map<String, Dialog> dialogs(LiveCall call) {
                return call.consultDialogs;
            }

            @Override
            MediaLeg media(LiveCall call) {
                return call.consultMedia;
            }

            @Override
            List<Effect> answered(B2buaCall m, String fork) {
                return m.consultForkAnswered(fork);
            }

            @Override
            String winner(B2buaCall m) {
                return m.consultWinner();
            }

            @Override
            Effect lateAnswerBye(String fork) {
                return new Effect.ByeConsultFork(fork);
            }

            @Override
            List<Effect> failed(B2buaCall m, String fork, String cause) {
                return m.consultForkFailed(fork, cause);
            }
        };

        /** forks whose CANCEL waits for a provisional response (RFC 3261 §9.1) */
        abstract Set<String> cancelOnProvisional(LiveCall call);

        abstract Map<String, Dialog> dialogs(LiveCall call);

        abstract MediaLeg media(LiveCall call);

        abstract List<Effect> answered(B2buaCall m, String fork);

        abstract String winner(B2buaCall m);

        abstract Effect lateAnswerBye(String fork);

        abstract List<Effect> failed(B2buaCall m, String fork, String cause);
    }

    /**
     * Responses to our INVITE of one fork of {@code leg}: a provisional one lets a waiting
     * CANCEL go; a 2xx is ACKed and becomes the leg's answer (its SDP applied when the fork
     * won and is not hung up at once); a failure or a timeout is the fork's failure.
     */
    ResponseListener responses(LiveCall call, String fork, Leg leg) {
        return new ResponseListener() {
            @Override
            public void response(ResponseEvent event) throws Exception {
                Response response = event.getResponse();
                int status = response.getStatusCode();
                if (status < 200) {
                    if (status > 100 && leg.cancelOnProvisional(call).remove(fork)) {
                        b2bua.cancel(event.getClientTransaction());
                    }
                    return;
                }
                if (status < 300) {
                    Dialog dialog = event.getDialog() != null ? event.getDialog() : event.getClientTransaction().getDialog();
                    long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                    dialog.sendAck(dialog.createAck(cseq));
                    leg.dialogs(call).put(fork, dialog);
                    // the agent's phone and the consultation target (a phone, or a number through the trunk) alike
                    sessionTimers.watch(call, fork, dialog, sessionTimers.forAnswer(response), Sdp.body(event.getClientTransaction().getRequest()),
                            () -> b2bua.apply(call, AgentEndpointHandler.vanished(fork)));
                    b2bua.apply(call, m -> {
                        List<Effect> effects = leg.answered(m, fork);
                        if (fork.equals(leg.winner(m)) && !effects.contains(leg.lateAnswerBye(fork))) {
                            applyAnswer(call, leg, response);
                        }
                        return effects;
                    });
                    return;
                }
                network.legs().remove(fork);
                String cause = status + " " + response.getReasonPhrase();
                b2bua.apply(call, m -> leg.failed(m, fork, cause));
            }

            @Override
            public void timeout() {
                network.legs().remove(fork);
                b2bua.apply(call, m -> leg.failed(m, fork, "408 Request Timeout"));
            }
        };
    }

    /** the rules for a fork whose far end vanished: the agent's leg, or the consultation's (which may have become the agent's) */
    static java.util.function.Function<B2buaCall, List<Effect>> vanished(String fork) {
        return m -> {
            if (fork.equals(m.agentWinner())) {
                return m.agentVanished();
            }
            return fork.equals(m.consultWinner()) ? m.consultVanished() : List.of();
        };
    }

    private static void applyAnswer(LiveCall call, Leg leg, Response response) {
        String answer = Sdp.body(response);
        if (answer == null) {
            LOG.warnf("%s: the %s phone answered without SDP", call, leg);
            return;
        }
        try {
            leg.media(call).answered(answer);
        } catch (NoCommonCodecException e) {
            LOG.warnf("%s: the %s phone answered with no codec we offered: %s", call, leg, e.getMessage());
        }
    }

    /**
     * A fork of ours inside the call once answered: its BYE hangs up the leg it is now
     * (the agent's, R4.1, or the consultation's; a consulted agent's leg becomes the
     * agent's on Connect customer), and its re-INVITEs get that leg's media.
     */
    LegListener inCall(LiveCall call, String fork) {
        return exchange -> {
            if (Request.BYE.equals(exchange.request().getMethod())) {
                exchange.reply(Response.OK);
                network.legs().remove(fork);
                b2bua.apply(call, m -> {
                    if (fork.equals(m.agentWinner())) {
                        return m.agentHungUp();
                    }
                    return fork.equals(m.consultWinner()) ? m.consultHungUp() : List.of();
                });
            } else {
                MediaLeg media;
                synchronized (call) {
                    media = fork.equals(call.model.agentWinner()) ? call.agentMedia : call.consultMedia;
                }
                Sdp.answerInDialog(exchange, network, media, "sangdam");
            }
        };
    }
}
