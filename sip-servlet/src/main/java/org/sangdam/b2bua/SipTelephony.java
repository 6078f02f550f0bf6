package org.sangdam.b2bua;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.b2bua.domain.B2buaCall;
import org.sangdam.b2bua.domain.Effect;
import org.sangdam.media.Prompt;
import org.sangdam.telephony.TelephonyGateway;
import org.sangdam.telephony.TelephonyPort;



/**
 * The phone network as the CTI core sees it: the {@link TelephonyPort} of the SIP
 * layer, registered with the core's {@link TelephonyGateway} when the EAR deploys
 * (priority 0, so the test-only network of the CTI tests, at 1000, stands in for it
 * there). Each command becomes an event of the call's rules, carried out by the
 * {@link B2bua}. Commands arrive after the core's transaction committed.
 */
@Singleton
@Startup
@DependsOn({"sangdam-ejb.jar#TelephonyGateway", "SipStackBean"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SipTelephony implements TelephonyPort {
    private static final Logger LOG = Logger.getLogger(SipTelephony.class);
    static final int PRIORITY = 0;
    static final String DEFAULT_ANNOUNCEMENT = "default-abusive";

    @EJB
    TelephonyGateway gateway;
    @Inject
    B2bua b2bua;
    @Inject
    AgentEndpointHandler agentEndpoint;
    @Inject
    TrunkOutboundHandler trunkOutbound;
    @Inject
    ScenarioDriver scenarios;
    @Inject
    PromptLibrary prompts;

    @PostConstruct
    void plugIn() {
        gateway.register(this, PRIORITY);
    }

    @PreDestroy
    void unplug() {
        gateway.unregister(this);
    }

    @Override
    public void offer(long callId, String agentNumber) {
        // the console's widget blinks; the phone is called when the agent answers (R2.5)
        LOG.debugf("call %d offered to %s", callId, agentNumber);
        b2bua.find(callId).ifPresent(scenarios::offered);
    }

    @Override
    public void withdrawOffer(long callId, String agentNumber) {
        b2bua.find(callId).ifPresent(call -> {
            b2bua.apply(call, B2buaCall::withdrawAgent);
            scenarios.recalled(call); // a recall: the caller is back in the scenario's queue phase
        });
    }

    @Override
    public void connectAgent(long callId, String agentNumber) {
        LiveCall call = b2bua.find(callId).orElse(null);
        if (call == null) {
            LOG.warnf("connect: call %d is not in progress here", callId);
            return;
        }
        scenarios.stop(call); // no more queue announcements or no-agent checks
        // the phone shows who is calling: the customer's number in From
        if (!agentEndpoint.invite(call, agentNumber, call.customerNumber)) {
            LOG.warnf("call %d: agent %s has no phone to connect; the call goes back to the queue", callId, agentNumber);
            b2bua.report(call, new Effect.ReportAgentPhoneFailed("agent phone: not registered"));
        }
    }

    @Override
    public void dial(long callId, String agentNumber, String customerNumber, String callerId) {
        LiveCall call = b2bua.add(new LiveCall(callId, B2buaCall.outbound(), customerNumber, callerId, b2bua.events()));
        call.ourNumber = callerId;
        if (!agentEndpoint.invite(call, agentNumber, customerNumber)) {
            b2bua.close(call);
            b2bua.report(call, new Effect.ReportDialFailed("agent phone: not registered"));
        }
    }

    @Override
    public void hold(long callId, String music) {
        b2bua.find(callId).ifPresent(call -> {
            call.holdMusic = holdMusic(call, music);
            b2bua.apply(call, B2buaCall::hold);
        });
    }

    /** R3.7: the service's music on hold (uploaded or built in), else the default that ships; read before the call's lock is taken */
    private Prompt holdMusic(LiveCall call, String music) {
        return prompts.find(call.tenantId, music).orElse(null);
    }

    @Override
    public void release(long callId) {
        b2bua.find(callId).ifPresent(call -> b2bua.apply(call, B2buaCall::release));
    }

    /**
     * Issue 7: a target with a registered phone (a Ready agent's CTI number) is called on
     * that phone; any other number goes out through the trunk.
     */
    @Override
    public void startConsult(long callId, String target, String music) {
        LiveCall call = b2bua.find(callId).orElse(null);
        if (call == null) {
            LOG.warnf("consult: call %d is not in progress here", callId);
            return;
        }
        call.holdMusic = holdMusic(call, music);
        try {
            if (!agentEndpoint.inviteConsult(call, target) && !trunkOutbound.inviteConsult(call, target)) {
                b2bua.report(call, new Effect.ReportConsultFailed("503 no trunk configured"));
            }
        } catch (IllegalStateException e) {
            b2bua.report(call, new Effect.ReportConsultFailed("500 " + e.getMessage()));
        }
    }

    @Override
    public void cancelConsult(long callId) {
        b2bua.find(callId).ifPresent(call -> b2bua.apply(call, B2buaCall::cancelConsult));
    }

    @Override
    public void completeTransfer(long callId) {
        b2bua.find(callId).ifPresent(call -> b2bua.apply(call, B2buaCall::completeTransfer));
    }

    @Override
    public void playAndHangUp(long callId, String prompt) {
        // R3.6: a service that configured no announcement gets the built-in one
        String announcement = prompt == null || prompt.isBlank() ? DEFAULT_ANNOUNCEMENT : prompt.strip();
        b2bua.find(callId).ifPresent(call -> {
            scenarios.stop(call);
            b2bua.apply(call, m -> m.playAndHangUp(announcement));
        });
    }

    @Override
    public void hangUp(long callId) {
        b2bua.find(callId).ifPresent(call -> b2bua.apply(call, B2buaCall::hangUp));
    }

}
