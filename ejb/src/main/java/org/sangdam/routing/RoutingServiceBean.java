package org.sangdam.routing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.agent.AgentSession;
import org.sangdam.agent.AgentSessionRepository;
import org.sangdam.agent.domain.AgentId;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.call.CallFlow;
import org.sangdam.call.CallRepository;
import org.sangdam.call.PhoneCall;
import org.sangdam.call.domain.CallEvent;
import org.sangdam.call.domain.CallState;
import org.sangdam.call.domain.CallId;
import org.sangdam.cti.CtiAgent;
import org.sangdam.cti.CtiRepository;
import org.sangdam.cti.CtiSettings;
import org.sangdam.routing.domain.CallQueue;
import org.sangdam.routing.domain.Offer;
import org.sangdam.routing.domain.QueuedCall;
import org.sangdam.routing.domain.RoutableAgent;
import org.sangdam.routing.domain.RoutingDemand;
import org.sangdam.tenant.Tenant;
import org.sangdam.tenant.TenantRepository;
import org.sangdam.user.User;
import org.sangdam.user.UserRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads a service's queue and agents from the database (the truth), lets the pure
 * {@link CallQueue} decide, and stores what it decided: offers with their deadlines,
 * the agents' new status, a recall request per offer. Runs with the service's CTI
 * lock held, so decisions never race with agents' own actions.
 */
@Stateless
@Local(RoutingService.class)
@PermitAll
public class RoutingServiceBean implements RoutingService {
    @Inject
    CallFlow flow;
    @Inject
    CallRepository calls;
    @Inject
    AgentSessionRepository sessions;
    @Inject
    TenantRepository tenants;
    @Inject
    UserRepository users;
    @Inject
    CtiRepository cti;

    @Override
    public void route(long serviceId) {
        // a look without the lock first: most requests of a burst find nothing to offer (RoutingDemand)
        RoutingDemand demand = new RoutingDemand(calls.countWaitingUnoffered(serviceId),
                sessions.countInState(serviceId, AgentState.READY.name()));
        if (!demand.canOffer()) {
            return;
        }
        CtiSettings settings = flow.lock(serviceId);
        route(serviceId, settings, Instant.now());
    }

    private void route(long serviceId, CtiSettings settings, Instant now) {
        Tenant tenant = tenants.find(serviceId).orElse(null);
        if (tenant == null || !tenant.isCtiInbound()) {
            return;
        }
        List<PhoneCall> waiting = calls.waitingOf(serviceId);
        if (waiting.isEmpty()) {
            return;
        }
        List<AgentSession> ready = sessions.inState(serviceId, AgentState.READY.name());
        if (ready.isEmpty()) {
            return;
        }
        Map<Long, PhoneCall> byId = waiting.stream().collect(Collectors.toMap(PhoneCall::getId, Function.identity()));
        List<QueuedCall> queued = new ArrayList<>();
        List<Offer> pending = new ArrayList<>();
        for (PhoneCall c : waiting) {
            queued.add(new QueuedCall(new CallId(c.getId()), c.getQueuedAt(),
                    c.getMissedBy().stream().map(AgentId::new).collect(Collectors.toSet()), c.getQueue()));
            if (c.getOfferedTo() != null) {
                pending.add(new Offer(new CallId(c.getId()), new AgentId(c.getOfferedTo()), c.getOfferDeadline()));
            }
        }
        CallQueue queue = CallQueue.restore(serviceId, Duration.ofSeconds(settings.getRecallSeconds()), queued, pending);
        // two queries for all Ready agents, not two per agent: a service may have hundreds Ready
        List<Long> readyIds = ready.stream().map(AgentSession::getUserId).toList();
        Map<Long, User> readyUsers = users.findAll(readyIds).stream().collect(Collectors.toMap(User::getId, Function.identity()));
        Map<Long, CtiAgent> identities = cti.agents(readyIds).stream().collect(Collectors.toMap(CtiAgent::getUserId, Function.identity()));
        List<RoutableAgent> agents = new ArrayList<>();
        for (AgentSession a : ready) {
            User user = readyUsers.get(a.getUserId());
            CtiAgent identity = identities.get(a.getUserId());
            agents.add(new RoutableAgent(new AgentId(a.getUserId()), serviceId, AgentState.READY,
                    user != null && user.isActive() && user.hasPhonePermission(), identity != null, a.getSince(),
                    identity == null ? Set.of() : Set.copyOf(identity.getQueues())));
        }
        for (Offer offer : queue.route(agents, true, now)) {
            PhoneCall c = byId.get(offer.call().value());
            long agentId = offer.agent().value();
            c.offer(agentId, offer.deadline());
            AgentSession a = sessions.find(agentId).orElseThrow();
            a.setCallId(c.getId());
            flow.callEvent(settings, c, CallEvent.OFFER_MADE, agentId, null, now);
            String number = identities.get(agentId).getCtiNumber();
            flow.notify(agentId, "offer", "callId", c.getId(), "customerNumber", c.getCustomerNumber(),
                    "serviceNumber", c.getServiceNumber(), "deadline", offer.deadline().toString());
            flow.telephony("offer call " + c.getId() + " to " + number, port -> port.offer(c.getId(), number));
            flow.routing().recallAt(serviceId, c.getId(), offer.deadline());
        }
    }

    @Override
    public void recall(long serviceId, long callId, Instant deadline) {
        // a look without the lock first: most recalls find their offer answered long ago
        PhoneCall c = calls.find(callId).orElse(null);
        if (staleRecall(c, deadline)) {
            return;
        }
        if (Instant.now().isBefore(deadline)) {
            flow.routing().recallAt(serviceId, callId, deadline); // early: ask again at the deadline
            return;
        }
        CtiSettings settings = flow.lock(serviceId);
        calls.refresh(c);
        if (staleRecall(c, deadline)) {
            return;
        }
        Instant now = Instant.now(); // past the deadline, as it was before the lock
        long agentId = c.getOfferedTo();
        c.missedBy(agentId);
        flow.callEvent(settings, c, CallEvent.OFFER_TIMED_OUT, agentId, "not answered within " + settings.getRecallSeconds() + " s", now);
        c.withdrawOffer();
        String number = cti.agent(agentId).map(CtiAgent::getCtiNumber).orElse(null);
        flow.notify(agentId, "recall", "callId", callId);
        flow.telephony("withdraw call " + callId + " from " + number, port -> port.withdrawOffer(callId, number));
        route(serviceId, settings, now);
    }

    /** answered, abandoned or offered anew since: the recall of the offer made with {@code deadline} is stale */
    private static boolean staleRecall(PhoneCall c, Instant deadline) {
        // the message carries milliseconds; the database may keep microseconds
        return c == null || c.getOfferedTo() == null || deadline.toEpochMilli() != c.getOfferDeadline().toEpochMilli();
    }

    @Override
    public void consultRingOut(long serviceId, long callId, Instant deadline) {
        // a look without the lock first: most consultations are answered or cancelled before they ring out
        PhoneCall c = calls.find(callId).orElse(null);
        if (c == null || !c.getState().equals(CallState.CONSULT_DIALING.name())) {
            return;
        }
        CtiSettings settings = flow.lock(serviceId);
        calls.refresh(c);
        AgentSession consulted = c.getState().equals(CallState.CONSULT_DIALING.name()) ? flow.consulted(c).orElse(null) : null;
        if (consulted == null || !AgentState.OFFERED.name().equals(consulted.getState())
                // the database may round the time the ringing started; a consultation is never restarted within a second
                || Math.abs(consulted.getSince().plusSeconds(settings.getRecallSeconds()).toEpochMilli() - deadline.toEpochMilli()) > 1000) {
            return; // answered, cancelled, failed, or another consultation since: this ring-out is stale
        }
        Instant now = Instant.now();
        if (now.isBefore(deadline)) {
            flow.routing().consultRingOutAt(serviceId, callId, deadline);
            return;
        }
        String cause = "no answer within " + settings.getRecallSeconds() + " s";
        Long agent = c.getAgentId();
        flow.callEvent(settings, c, CallEvent.CONSULT_FAILED, agent, cause, now);
        c.setConsultTarget(null);
        if (agent != null) {
            flow.notify(agent, "consult-failed", "callId", callId, "cause", cause);
        }
        flow.telephony("cancel the unanswered consultation on call " + callId, port -> port.cancelConsult(callId));
    }
}
