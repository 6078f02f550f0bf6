package org.sangdam.b2bua;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.b2bua.domain.B2buaCall;
import org.sangdam.media.NoCommonCodecException;
import org.sangdam.sip.ResponseListener;
import org.sangdam.sip.SipNetwork;
import org.sangdam.trunk.Trunks;
import org.sangdam.trunk.domain.TrunkRoute;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.List;
import java.util.Locale;

/**
 * The trunk-outbound leg (R2.7–R2.8): our INVITE to the customer through the
 * trunk, with the approved caller ID in {@code From} and {@code P-Asserted-Identity}.
 * Its 200 bridges the agent and is reported as the customer answering; busy, no
 * answer and failures end the call with the SIP cause for the agent to see. A
 * carrier's 401/407 is answered once with the trunk's credentials ({@link RetriedInvite}).
 */
@ApplicationScoped
public class TrunkOutboundHandler {
    private static final Logger LOG = Logger.getLogger(TrunkOutboundHandler.class);

    @Inject
    SipNetwork network;
    @Inject
    CallMedia media;
    @Inject
    Trunks trunks;
    @Inject
    B2bua b2bua;
    @Inject
    TrunkInboundHandler customerSide;
    @Inject
    AgentEndpointHandler agentEndpoint;
    @Inject
    SessionTimers sessionTimers;

    /** called under the call's monitor, as an effect of the agent's phone answering */
    void invite(LiveCall call) {
        TrunkRoute trunk = trunks.outbound().orElse(null);
        if (trunk == null) {
            fail(call, "503 no trunk configured");
            return;
        }
        try {
            call.customerMedia = media.engine().openLeg("customer " + call.customerNumber + " call " + call.callId);
            ClientTransaction ct = newInvite(trunk, call.customerNumber, call.callerId, call.customerMedia.offer());
            Request invite = ct.getRequest();
            call.customerInvite = ct;
            call.customerSipCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            ct.setApplicationData(new RetriedInvite(network, trunk.credentials(), responses(call), retry -> {
                synchronized (call) {
                    call.customerInvite = retry;
                }
            }));
            ct.sendRequest();
            LOG.infof("%s: calling %s through trunk %s as %s", call, call.customerNumber, trunk.name(), call.callerId);
        } catch (Exception e) {
            LOG.errorf(e, "%s: the INVITE to the trunk failed", call);
            fail(call, "500 " + e.getMessage());
        }
    }

    /** an INVITE through the trunk to {@code number}, as {@code callerId} in From and P-Asserted-Identity, with a dialog */
    private ClientTransaction newInvite(TrunkRoute trunk, String number, String callerId, String offer) throws Exception {
        var f = network.factories();
        String transport = trunk.transport().toLowerCase(Locale.ROOT);
        String host = trunk.host().contains(":") ? "[" + trunk.host() + "]" : trunk.host();
        SipURI target = (SipURI) f.addresses().createURI("sip:" + number + "@" + host + ":" + trunk.port());
        if (!"udp".equals(transport)) {
            target.setTransportParam(transport);
        }
        String ours = network.settings().address();
        Address from = f.addresses().createAddress("sip:" + callerId + "@" + ours);
        Address to = f.addresses().createAddress("sip:" + number + "@" + host);
        Request invite = f.messages().createRequest(target, Request.INVITE, network.provider().getNewCallId(),
                f.headers().createCSeqHeader(1L, Request.INVITE),
                f.headers().createFromHeader(from, SipNetwork.token()), f.headers().createToHeader(to, null),
                List.of(network.via(transport)), f.headers().createMaxForwardsHeader(70));
        invite.addHeader(network.contact(callerId));
        invite.addHeader(f.headers().createHeader("P-Asserted-Identity", "<sip:" + callerId + "@" + ours + ">"));
        network.allow(invite);
        sessionTimers.offer(invite);
        Sdp.attach(network, invite, offer);
        ClientTransaction ct = network.provider().getNewClientTransaction(invite);
        network.provider().getNewDialog(ct);
        return ct;
    }

    /**
     * Issue 7 (R3.1): a consultation with a number outside (typed, or a frequently
     * used one) goes through the trunk as the call's own number (the DID, or the
     * outbound caller ID).
     *
     * @return false when no trunk is configured (nothing was sent or changed)
     */
    boolean inviteConsult(LiveCall call, String number) {
        TrunkRoute trunk = trunks.outbound().orElse(null);
        if (trunk == null) {
            return false;
        }
        ClientTransaction[] sent = new ClientTransaction[1];
        b2bua.apply(call, m -> {
            try {
                if (call.consultMedia != null) {
                    call.consultMedia.close();
                }
                call.consultMedia = media.engine().openLeg("consult " + number + " call " + call.callId);
                ClientTransaction ct = newInvite(trunk, number, call.ourNumber == null ? "anonymous" : call.ourNumber, call.consultMedia.offer());
                String fork = ((CallIdHeader) ct.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
                call.consultInvites.put(fork, ct);
                ct.setApplicationData(new RetriedInvite(network, trunk.credentials(), agentEndpoint.responses(call, fork, AgentEndpointHandler.Leg.CONSULT), retry -> {
                    synchronized (call) {
                        call.consultInvites.put(fork, retry);
                    }
                }));
                List<org.sangdam.b2bua.domain.Effect> effects = m.consultStarted(List.of(fork));
                network.legs().add(fork, agentEndpoint.inCall(call, fork));
                sent[0] = ct;
                return effects;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the consultation INVITE could not be built: " + e.getMessage(), e);
            }
        });
        try {
            sent[0].sendRequest();
            LOG.infof("%s: consulting %s through trunk %s", call, number, trunk.name());
        } catch (Exception e) {
            LOG.warnf("%s: consultation INVITE failed: %s", call, e.getMessage());
        }
        return true;
    }

    /** a failure found while carrying out an effect: run the rules after the current event */
    private void fail(LiveCall call, String cause) {
        Thread.ofVirtual().start(() -> b2bua.apply(call, m -> m.customerFailed(cause)));
    }

    private ResponseListener responses(LiveCall call) {
        return new ResponseListener() {
            @Override
            public void response(ResponseEvent event) throws Exception {
                Response response = event.getResponse();
                int status = response.getStatusCode();
                if (status < 200) {
                    if (status > 100 && call.cancelCustomerOnProvisional) {
                        call.cancelCustomerOnProvisional = false;
                        b2bua.cancel(event.getClientTransaction());
                    }
                    return;
                }
                if (status < 300) {
                    Dialog dialog = event.getDialog() != null ? event.getDialog() : event.getClientTransaction().getDialog();
                    long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                    dialog.sendAck(dialog.createAck(cseq));
                    String offer = Sdp.body(event.getClientTransaction().getRequest());
                    b2bua.apply(call, m -> {
                        call.customerDialog = dialog;
                        network.legs().add(call.customerSipCallId, customerSide.customerLeg(call));
                        if (!m.ended()) { // a call already over has had its legs removed: no timer would ever stop
                            sessionTimers.watch(call, call.customerSipCallId, dialog, sessionTimers.forAnswer(response), offer,
                                    () -> b2bua.apply(call, B2buaCall::customerVanished));
                        }
                        String answer = Sdp.body(response);
                        if (answer != null && !m.ended()) {
                            try {
                                call.customerMedia.answered(answer);
                            } catch (NoCommonCodecException e) {
                                LOG.warnf("%s: the customer answered with no codec we offered", call);
                            }
                        }
                        return m.customerAnswered();
                    });
                    return;
                }
                String cause = status + " " + response.getReasonPhrase();
                b2bua.apply(call, m -> m.customerFailed(cause));
            }

            @Override
            public void timeout() {
                b2bua.apply(call, m -> m.customerFailed("408 Request Timeout"));
            }
        };
    }
}
