package org.sangdam.call;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.agent.AgentSession;
import org.sangdam.agent.AgentSessionRepository;
import org.sangdam.call.domain.CallEvent;
import org.sangdam.call.domain.CallState;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.Require;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.cti.CtiRepository;
import org.sangdam.cti.CtiSettings;
import org.sangdam.cti.InboundNumber;
import org.jboss.logging.Logger;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.scenario.ScenarioJson;
import org.sangdam.scenario.domain.QueueNames;
import org.sangdam.scenario.domain.ScenarioDefinition;
import org.sangdam.tenant.Tenant;
import org.sangdam.tenant.TenantRepository;

import java.time.Instant;

@Stateless
@Local(CallControl.class)
@PermitAll
public class CallControlBean implements CallControl {
    private static final Logger LOG = Logger.getLogger(CallControlBean.class);

    @Inject
    CallFlow flow;
    @Inject
    CallRepository calls;
    @Inject
    CtiRepository cti;
    @Inject
    TenantRepository tenants;
    @Inject
    AgentSessionRepository sessions;

    @Override
    public long customerCallArrived(String inboundNumber, String customerNumber) {
        CallArrival arrival = arrive(inboundNumber, customerNumber);
        enterQueue(arrival.callId(), arrival.scenario().queue());
        return arrival.callId();
    }

    @Override
    public CallArrival arrive(String inboundNumber, String customerNumber) {
        String did = PhoneNumbers.normalise("inboundNumber", inboundNumber);
        InboundNumber number = cti.inboundNumberByNumber(did).orElseThrow(() -> new NotFoundException("inbound number", inboundNumber));
        Tenant tenant = tenants.find(number.getTenantId()).orElseThrow();
        if (!tenant.isCtiInbound()) {
            throw new ConflictException("inboundNumber", "service '" + tenant.getName() + "' has no CTI inbound in its contract");
        }
        String from = customerNumber == null || customerNumber.isBlank() ? "anonymous" : customerNumber.strip();
        if (from.length() > 20) {
            from = from.substring(0, 20);
        }
        ScenarioDefinition scenario = scenarioOf(number);
        Instant now = Instant.now();
        PhoneCall c = calls.add(new PhoneCall(tenant.getId(), "INBOUND", CallState.ARRIVED.name(), from, did, now));
        calls.record(c, "ARRIVED", null, "from " + from + " to " + did, now);
        int recall = cti.settings(tenant.getId()).map(CtiSettings::getRecallSeconds).orElse(CtiSettings.DEFAULT_RECALL_SECONDS);
        return new CallArrival(c.getId(), tenant.getId(), scenario, recall);
    }

    @Override
    public void enterQueue(long callId, String queue) {
        String name = queue == null ? null : QueueNames.check("queue", queue);
        // ARRIVED -> QUEUED: no agent holds the call and routing sees it only once this commits,
        // so the call's row lock is enough; the service's CTI lock stays free for routing
        PhoneCall c = flow.lockCallOnly(callId);
        Instant now = Instant.now();
        c.setQueuedAt(now);
        c.setQueue(name);
        flow.callEvent(null, c, CallEvent.ENQUEUED, null, name == null ? null : "queue " + name, now);
        flow.routing().routeSoon(c.getTenantId());
    }

    @Override
    public void scenarioEnded(long callId, String reason) {
        CallFlow.LockedCall locked = flow.lockCall(callId);
        flow.callEvent(locked.settings(), locked.call(), CallEvent.SCENARIO_ENDED, null,
                Require.optionalText("reason", reason, 200), Instant.now());
    }

    /** The DID's scenario; a stored definition the current rules refuse falls back to the plain one (logged). */
    private ScenarioDefinition scenarioOf(InboundNumber number) {
        return cti.scenario(number.getScenarioId()).map(s -> {
            try {
                return ScenarioJson.parse(s.getDefinition());
            } catch (ValidationException e) {
                LOG.warnf("Scenario %d of %s is not valid (%s): the call queues at once", s.getId(), number.getNumber(), e.getMessage());
                return ScenarioDefinition.plain();
            }
        }).orElseGet(ScenarioDefinition::plain);
    }

    @Override
    public void customerHungUp(long callId) {
        CallFlow.LockedCall locked = flow.lockCall(callId);
        PhoneCall c = locked.call();
        CtiSettings settings = locked.settings();
        Long holder = holder(c);
        boolean ringing = c.getOfferedTo() != null;
        flow.callEvent(settings, c, CallEvent.CUSTOMER_HUNG_UP, holder, null, Instant.now());
        if (holder != null && CallState.CONSULT_ONLY.name().equals(c.getState())) {
            // issue 7: agent and consultation target keep talking; the agent's widget says the customer left
            flow.notify(holder, "customer-left", "callId", callId);
            return;
        }
        if (holder != null) {
            flow.notify(holder, "call-ended", "callId", callId, "cause", c.getEndCause());
            if (ringing) {
                flow.telephony("withdraw abandoned call " + callId, port -> port.withdrawOffer(callId, null));
            }
        }
    }

    @Override
    public void agentHungUp(long callId) {
        CallFlow.LockedCall locked = flow.lockCall(callId);
        PhoneCall c = locked.call();
        Long agent = c.getAgentId();
        flow.callEvent(locked.settings(), c, CallEvent.AGENT_HUNG_UP, agent, "on the phone", Instant.now());
        if (agent != null) {
            flow.notify(agent, "call-ended", "callId", callId, "cause", c.getEndCause());
        }
    }

    @Override
    public void agentPhoneFailed(long callId, String cause) {
        CallFlow.LockedCall locked = flow.lockCall(callId);
        PhoneCall c = locked.call();
        Long agent = c.getAgentId();
        flow.callEvent(locked.settings(), c, CallEvent.AGENT_PHONE_FAILED, agent,
                Require.optionalText("cause", cause, 200), Instant.now());
        if (agent != null) {
            c.missedBy(agent);
            flow.notify(agent, "phone-failed", "callId", callId, "cause", cause);
        }
        // the ticket opened on Answer stays with the call and goes to whoever answers next
        c.setAgentId(null);
        c.setConnectedAt(null);
        flow.routing().routeSoon(c.getTenantId());
    }

    @Override
    public void customerAnswered(long callId) {
        CallFlow.LockedCall locked = flow.lockCall(callId);
        PhoneCall c = locked.call();
        CtiSettings settings = locked.settings();
        Instant now = Instant.now();
        Long agent = c.getAgentId();
        flow.callEvent(settings, c, CallEvent.FAR_END_ANSWERED, agent, null, now);
        flow.openTicket(c, sessions.find(agent).orElseThrow(), now);
    }

    @Override
    public void dialFailed(long callId, String cause) {
        CallFlow.LockedCall locked = flow.lockCall(callId);
        PhoneCall c = locked.call();
        CtiSettings settings = locked.settings();
        flow.callEvent(settings, c, CallEvent.FAILED, c.getAgentId(), cause, Instant.now());
        flow.notify(c.getAgentId(), "dial-failed", "callId", callId, "cause", cause);
    }

    @Override
    public void consultConnected(long callId) {
        CallFlow.LockedCall locked = flow.lockCall(callId);
        PhoneCall c = locked.call();
        CtiSettings settings = locked.settings();
        flow.callEvent(settings, c, CallEvent.CONSULT_CONNECTED, c.getAgentId(), c.getConsultTarget(), Instant.now());
    }

    @Override
    public void consultFailed(long callId, String cause) {
        CallFlow.LockedCall locked = flow.lockCall(callId);
        PhoneCall c = locked.call();
        CtiSettings settings = locked.settings();
        flow.callEvent(settings, c, CallEvent.CONSULT_FAILED, c.getAgentId(), cause, Instant.now());
        c.setConsultTarget(null);
        flow.notify(c.getAgentId(), "consult-failed", "callId", callId, "cause", cause);
    }

    private static Long holder(PhoneCall c) {
        return c.getOfferedTo() != null ? c.getOfferedTo() : c.getAgentId();
    }

    @Override
    public String recordingFile(long callId) {
        // the call's row only (one writer at a time): no agent changes here, and the SIP layer asks while
        // it bridges, so waiting for the service's CTI lock would hold up a SIP thread
        PhoneCall c = flow.lockCallOnly(callId);
        if (c.getRecordingFile() != null) {
            return c.getRecordingFile();
        }
        if (!cti.settings(c.getTenantId()).orElseGet(() -> new CtiSettings(c.getTenantId())).isRecordingEnabled()) {
            return null;
        }
        Instant now = Instant.now();
        String file = org.sangdam.setup.SangdamConfig.recordingDir()
                .resolve(org.sangdam.call.domain.RecordingRules.file(c.getTenantId(), callId)).toString();
        c.recording(file, now);
        calls.record(c, "RECORDING_STARTED", c.getAgentId(), null, now);
        return file;
    }
}
