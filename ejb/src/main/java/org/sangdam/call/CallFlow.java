package org.sangdam.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.sangdam.agent.AgentSession;
import org.sangdam.agent.AgentSessionRepository;
import org.sangdam.agent.domain.AgentEvent;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.agent.domain.AgentStateMachine;
import org.sangdam.agent.domain.AgentStatus;
import org.sangdam.call.domain.CallEvent;
import org.sangdam.call.domain.CallState;
import org.sangdam.call.domain.CallStateMachine;
import org.sangdam.call.domain.CallTransition;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.cti.CtiRepository;
import org.sangdam.cti.CtiSettings;
import org.sangdam.push.CtiNotice;
import org.sangdam.push.ServiceStatusChange;
import org.sangdam.routing.RoutingRequests;
import org.sangdam.telephony.TelephonyCommand;
import org.sangdam.telephony.TelephonyPort;
import org.sangdam.ticket.Ticket;
import org.sangdam.ticket.TicketRepository;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The mechanics every CTI change shares, run inside the caller's transaction with the
 * service's CTI lock held: apply a state machine row, store the new state and its
 * audit row, let the agent who holds the call follow the call's row, create the
 * ticket on connect, and queue the effects (telephony commands, console notices,
 * routing requests) that happen only once the transaction commits.
 */
@ApplicationScoped
public class CallFlow {
    /** agent states in which the agent holds a call (offered, dialing or on it) */
    private static final Set<AgentState> HOLDING = EnumSet.of(AgentState.OFFERED, AgentState.DIALING,
            AgentState.ON_CALL, AgentState.ON_HOLD, AgentState.ON_CALL_TRANSFER);

    @Inject
    AgentSessionRepository sessions;
    @Inject
    CallRepository calls;
    @Inject
    CtiRepository cti;
    @Inject
    TicketRepository tickets;
    @Inject
    RoutingRequests routing;
    @Inject
    Event<TelephonyCommand> telephony;
    @Inject
    Event<CtiNotice> notices;
    @Inject
    Event<ServiceStatusChange> boardChanges;

    public CtiSettings lock(long serviceId) {
        return cti.lockService(serviceId);
    }

    /** A call and its service's settings, with the service's CTI lock held and the call re-read under it. */
    public record LockedCall(CtiSettings settings, PhoneCall call) {
    }

    public LockedCall lockCall(long callId) {
        PhoneCall c = calls.find(callId).orElseThrow(() -> new NotFoundException("call", callId));
        CtiSettings settings = lock(c.getTenantId());
        calls.lock(c);
        return new LockedCall(settings, c);
    }

    /**
     * The call's own row locked, not its service: for a change that touches no agent and
     * that routing cannot see yet (a call entering the queue), so arrivals never queue for
     * the service's CTI lock. Every writer of a call locks its row ({@link #lockCall} too).
     */
    public PhoneCall lockCallOnly(long callId) {
        PhoneCall c = calls.find(callId).orElseThrow(() -> new NotFoundException("call", callId));
        calls.lock(c);
        return c;
    }

    public AgentStatus status(AgentSession a) {
        return new AgentStatus(AgentState.valueOf(a.getState()), a.getReason(), a.getSince());
    }

    /** Applies an agent row; a change to Ready asks routing to look at the queue. */
    public AgentStatus agentEvent(CtiSettings settings, AgentSession a, AgentEvent event, String reason, Instant now) {
        AgentStatus next = new AgentStateMachine(settings.getInitialStatus()).apply(status(a), event, reason, now);
        a.moveTo(next.state().name(), next.reason(), next.since());
        if (!HOLDING.contains(next.state())) {
            a.setCallId(null);
        }
        sessions.record(a, event.name());
        notify(a.getUserId(), "status", "state", next.state().name(),
                "reason", next.reason(), "since", next.since().toString(), "callId", a.getCallId());
        boardChanges.fire(new ServiceStatusChange(a.getTenantId(), a.getUserId())); // the supervisors' board (R2.3)
        if (next.state() == AgentState.READY) {
            routing.routeSoon(a.getTenantId());
        }
        return next;
    }

    /**
     * The agent of the service being consulted on the call (issue 7): it holds the call
     * ({@link AgentSession#getCallId()}) without being its agent or its offer's.
     */
    public java.util.Optional<AgentSession> consulted(PhoneCall c) {
        return sessions.holding(c.getTenantId(), c.getId()).stream()
                .filter(s -> !s.getUserId().equals(c.getAgentId()) && !s.getUserId().equals(c.getOfferedTo()))
                .findFirst();
    }

    /**
     * Applies a call row; the agent holding the call ({@code holder}, may be null)
     * takes the agent event the row names, and an agent being consulted on it the
     * consulted agent's event, so call and agents never disagree.
     */
    public CallTransition callEvent(CtiSettings settings, PhoneCall c, CallEvent event, Long holder, String detail, Instant now) {
        CallTransition t = CallStateMachine.apply(CallState.valueOf(c.getState()), event);
        AgentSession consulted = t.targetEvent() == null ? null : consulted(c).orElse(null);
        if (t.state() == CallState.ENDED) {
            c.end(t.endCause().name(), now);
        } else {
            c.setState(t.state().name());
        }
        calls.record(c, event.name(), holder, detail, now);
        if (c.getTicketId() != null) {
            tickets.record(c.getTicketId(), event.name(), detail, null, now);
        }
        if (t.agentEvent() != null && holder != null) {
            AgentSession a = sessions.find(holder).orElseThrow(() -> new NotFoundException("agent session", holder));
            agentEvent(settings, a, t.agentEvent(), null, now);
        }
        if (consulted != null) {
            sessions.refresh(consulted);
            agentEvent(settings, consulted, t.targetEvent(), null, now);
        }
        return t;
    }

    /**
     * Connect customer to a consulted agent (issue 7, R3.3): it becomes the call's agent,
     * the ticket goes to it and records the transfer with both agents, and its console
     * opens the ticket. The call's table has already moved both agents.
     */
    public void handOver(PhoneCall c, AgentSession to, String fromName, String toName, String actor, Instant now) {
        c.setAgentId(to.getUserId());
        c.setConsultTarget(null);
        if (c.getTicketId() != null) {
            tickets.find(c.getTicketId()).ifPresent(ticket -> ticket.reassign(to.getUserId()));
            tickets.record(c.getTicketId(), "TRANSFERRED", "from " + fromName + " to " + toName, actor, now);
            notify(to.getUserId(), "ticket-open", "ticketId", c.getTicketId(), "callId", c.getId(), "customerNumber", c.getCustomerNumber());
        }
    }

    /** The call connected with this agent: the ticket is created in the same transaction (R2.5, R2.8). */
    public Ticket openTicket(PhoneCall c, AgentSession agent, Instant now) {
        c.setAgentId(agent.getUserId());
        c.setConnectedAt(now);
        Ticket ticket = c.getTicketId() == null ? null : tickets.find(c.getTicketId()).orElse(null);
        if (ticket == null) {
            ticket = tickets.add(new Ticket(c.getTenantId(), c.getId(), c.getCustomerNumber(), c.getDirection(), agent.getUserId(), now));
            c.setTicketId(ticket.getId());
        } else {
            ticket.reassign(agent.getUserId()); // answered again after the first agent's phone failed
        }
        tickets.record(ticket.getId(), "CONNECTED", c.getDirection() + " call " + c.getCustomerNumber(), null, now);
        notify(agent.getUserId(), "ticket-open", "ticketId", ticket.getId(), "callId", c.getId(), "customerNumber", c.getCustomerNumber());
        return ticket;
    }

    public void telephony(String description, Consumer<TelephonyPort> action) {
        telephony.fire(new TelephonyCommand(description, action));
    }

    public void notify(long userId, String kind, Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put((String) keyValues[i], keyValues[i + 1]);
        }
        notices.fire(new CtiNotice(userId, kind, data));
    }

    public RoutingRequests routing() {
        return routing;
    }
}
