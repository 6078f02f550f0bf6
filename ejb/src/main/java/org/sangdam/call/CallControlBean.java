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
import org.sangdam.cti.CtiRepository;
import org.sangdam.cti.CtiSettings;
import org.sangdam.cti.InboundNumber;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.tenant.Tenant;
import org.sangdam.tenant.TenantRepository;

import java.time.Instant;

@Stateless
@Local(CallControl.class)
@PermitAll
public class CallControlBean implements CallControl {
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
        CtiSettings settings = flow.lock(tenant.getId());
        Instant now = Instant.now();
        PhoneCall c = calls.add(new PhoneCall(tenant.getId(), "INBOUND", CallState.ARRIVED.name(), from, did, now));
        calls.record(c, "ARRIVED", null, "from " + from + " to " + did, now);
        // the scenario's greeting and menu come with the scenario work; today a call queues at once
        c.setQueuedAt(now);
        flow.callEvent(settings, c, CallEvent.ENQUEUED, null, null, now);
        flow.routing().routeSoon(tenant.getId());
        return c.getId();
    }

    @Override
    public void customerHungUp(long callId) {
        CallFlow.LockedCall locked = flow.lockCall(callId);
        PhoneCall c = locked.call();
        CtiSettings settings = locked.settings();
        Long holder = holder(c);
        boolean ringing = c.getOfferedTo() != null;
        flow.callEvent(settings, c, CallEvent.CUSTOMER_HUNG_UP, holder, null, Instant.now());
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

}
