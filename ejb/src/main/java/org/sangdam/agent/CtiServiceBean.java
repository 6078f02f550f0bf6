package org.sangdam.agent;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
import org.sangdam.access.domain.Caller;
import org.sangdam.agent.domain.AgentEvent;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.agent.domain.AgentStateMachine;
import org.sangdam.call.CallFlow;
import org.sangdam.call.CallRepository;
import org.sangdam.call.PhoneCall;
import org.sangdam.call.domain.CallEvent;
import org.sangdam.call.domain.CallState;
import org.sangdam.callerid.CallerId;
import org.sangdam.callerid.CallerIdRepository;
import org.sangdam.common.domain.AccessDeniedException;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.Require;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.cti.CtiAgent;
import org.sangdam.cti.CtiRepository;
import org.sangdam.cti.CtiSettings;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.telephony.TelephonyGateway;
import org.sangdam.telephony.TelephonyPort;
import org.sangdam.tenant.Tenant;
import org.sangdam.tenant.TenantRepository;
import org.sangdam.ticket.TicketRepository;
import org.sangdam.transfer.TransferNumber;
import org.sangdam.transfer.TransferNumberRepository;
import org.sangdam.transfer.domain.TransferTargets;
import org.sangdam.user.User;
import org.sangdam.user.UserRepository;
import org.sangdam.user.domain.Role;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The widget's actions. Each takes the agent's service CTI lock, checks what the
 * spec requires, applies the agent and call tables through {@link CallFlow}, and
 * leaves the phone-network commands and console notices to run after commit.
 */
@Stateless
@Local(CtiService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class CtiServiceBean implements CtiService {
    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    CallFlow flow;
    @Inject
    UserRepository users;
    @Inject
    AgentSessionRepository sessions;
    @Inject
    CallRepository calls;
    @Inject
    CtiRepository cti;
    @Inject
    TenantRepository tenants;
    @Inject
    CallerIdRepository callerIds;
    @Inject
    TransferNumberRepository transferNumbers;
    @Inject
    TicketRepository tickets;
    @Inject
    TelephonyGateway telephony;

    /** not an agent-table event: hanging up ends the call, whose table decides the agent's next status */
    static final String HANG_UP = "HANG_UP";
    private static final java.util.Set<AgentState> HANG_UP_STATES = java.util.EnumSet.of(
            AgentState.DIALING, AgentState.ON_CALL, AgentState.ON_HOLD);

    /** the calling agent, with the service's CTI lock held */
    private record Me(User user, CtiSettings settings, AgentSession session, CtiAgent identity) {
        long id() {
            return user.getId();
        }

        long tenant() {
            return user.getTenantId();
        }
    }

    private Me me(boolean lock) {
        Caller caller = callers.of(context);
        if (caller.role() != Role.AGENT) {
            throw new AccessDeniedException("only agents use the phone");
        }
        User user = users.findByUsername(caller.username()).orElseThrow();
        if (!user.hasPhonePermission()) {
            throw new AccessDeniedException("you have no phone permission (R1.2)");
        }
        CtiSettings settings = lock ? flow.lock(user.getTenantId()) : cti.settings(user.getTenantId()).orElseGet(() -> new CtiSettings(user.getTenantId()));
        AgentSession session = sessions.find(user.getId()).orElse(null);
        if (session != null && lock) {
            sessions.refresh(session);
        }
        return new Me(user, settings, session, cti.agent(user.getId()).orElse(null));
    }

    private Me loggedIn() {
        Me me = me(true);
        if (me.session() == null || AgentState.LOGGED_OUT.name().equals(me.session().getState())) {
            throw new ConflictException("status", "CTI login first (R2.2)").coded("cti.loginFirst");
        }
        return me;
    }

    @Override
    public AgentView state() {
        Me me = me(false);
        return view(me);
    }

    @Override
    public AgentView login() {
        Me me = me(true);
        if (me.identity() == null) {
            throw new ConflictException("ctiId", "you have no CTI ID and CTI number yet; ask a system administrator (R1.4)").coded("cti.noCtiId");
        }
        AgentSession session = me.session();
        Instant now = Instant.now();
        if (session == null) {
            session = sessions.add(new AgentSession(me.id(), me.tenant(), AgentState.LOGGED_OUT.name(), now));
        }
        flow.agentEvent(me.settings(), session, AgentEvent.CTI_LOGGED_IN, null, now);
        return view(me(false));
    }

    @Override
    public AgentView logout() {
        Me me = loggedIn();
        flow.agentEvent(me.settings(), me.session(), AgentEvent.CTI_LOGGED_OUT, null, Instant.now());
        return view(me);
    }

    @Override
    public AgentView chooseStatus(StatusChoice choice) {
        Require.present("body", choice);
        AgentEvent event = switch (Require.text("status", choice.status(), 16)) {
            case "WORK" -> AgentEvent.WORK_CHOSEN;
            case "READY" -> AgentEvent.READY_CHOSEN;
            case "BREAK" -> AgentEvent.BREAK_CHOSEN;
            default -> throw new ValidationException("status", "status must be WORK, READY or BREAK");
        };
        Me me = loggedIn();
        flow.agentEvent(me.settings(), me.session(), event, choice.reason(), Instant.now());
        return view(me);
    }

    @Override
    public AgentView answer() {
        Me me = loggedIn();
        PhoneCall c = heldCall(me, "there is no call to answer");
        Instant now = Instant.now();
        if (!Objects.equals(c.getOfferedTo(), me.id())) {
            throw new ConflictException("status", "there is no call to answer").coded("cti.noCall");
        }
        if (!now.isBefore(c.getOfferDeadline())) {
            throw new ConflictException("status", "the call rang out and is being offered to another agent (R2.6)").coded("cti.rangOut");
        }
        telephony.requireAvailable();
        flow.callEvent(me.settings(), c, CallEvent.ANSWERED, me.id(), null, now);
        c.withdrawOffer();
        flow.openTicket(c, me.session(), now);
        String number = me.identity().getCtiNumber();
        long callId = c.getId();
        flow.telephony("connect call " + callId + " to " + number, port -> port.connectAgent(callId, number));
        return view(me);
    }

    @Override
    public AgentView dial(DialRequest request) {
        Require.present("body", request);
        String number = PhoneNumbers.normalise("number", request.number());
        Long callerIdId = Require.present("callerId", request.callerId());
        Me me = loggedIn();
        Tenant tenant = tenants.find(me.tenant()).orElseThrow();
        if (!tenant.isCtiOutbound()) {
            throw new ConflictException("status", "your service has no CTI outbound in its contract (R1.1)").coded("cti.noOutbound");
        }
        CallerId callerId = callerIds.find(callerIdId).filter(c -> c.getTenantId().equals(me.tenant()))
                .orElseThrow(() -> new ValidationException("callerId", "no caller ID " + callerIdId + " in your service"));
        if (!callerId.getStatus().usableForDialing()) {
            throw new ConflictException("callerId", "caller ID " + PhoneNumbers.display(callerId.getNumber())
                    + " is " + callerId.getStatus() + "; only approved caller IDs can be used (R1.5)")
                    .coded("cti.callerIdNotApproved", PhoneNumbers.display(callerId.getNumber()));
        }
        new AgentStateMachine(me.settings().getInitialStatus()).apply(AgentState.valueOf(me.session().getState()), AgentEvent.DIAL_STARTED);
        telephony.requireAvailable();
        Instant now = Instant.now();
        PhoneCall c = calls.add(new PhoneCall(me.tenant(), "OUTBOUND", CallState.DIALING.name(), number, callerId.getNumber(), now));
        c.setAgentId(me.id());
        calls.record(c, "DIAL_STARTED", me.id(), "to " + number + " as " + callerId.getNumber(), now);
        me.session().setCallId(c.getId());
        flow.agentEvent(me.settings(), me.session(), AgentEvent.DIAL_STARTED, null, now);
        String agentNumber = me.identity().getCtiNumber();
        long callId = c.getId();
        String from = callerId.getNumber();
        flow.telephony("dial " + number + " for call " + callId, port -> port.dial(callId, agentNumber, number, from));
        return view(me);
    }

    @Override
    public AgentView hold() {
        Me me = loggedIn();
        String music = me.settings().getMohPrompt(); // R3.7: the service's music on hold
        return onCall(me, heldCall(me, "there is no call to hold"), CallEvent.HELD, null, "hold", (id, port) -> port.hold(id, music));
    }

    @Override
    public AgentView release() {
        return onCall(CallEvent.RELEASED, null, "release", (id, port) -> port.release(id));
    }

    @Override
    public AgentView consult(ConsultRequest request) {
        Require.present("body", request);
        Me me = loggedIn();
        Target target = consultTarget(me, request);
        PhoneCall c = heldCall(me, "there is no call to transfer");
        telephony.requireAvailable();
        if (target.agent() != null) {
            // issue 7: the consulted agent holds the call too; the call's table rings it (Ringing, no more offers)
            target.agent().setCallId(c.getId());
        }
        Instant now = Instant.now();
        flow.callEvent(me.settings(), c, CallEvent.CONSULT_STARTED, me.id(), target.number(), now);
        c.setConsultTarget(target.number());
        long callId = c.getId();
        if (target.agent() != null) {
            flow.notify(target.agent().getUserId(), "consult-offered", "callId", callId,
                    "from", me.user().getDisplayName(), "customerNumber", c.getCustomerNumber());
            // it rings at most the service's recall time, as an offered call (R2.6); then the consultation fails as not answered
            flow.routing().consultRingOutAt(me.tenant(), callId, now.plusSeconds(me.settings().getRecallSeconds()));
        }
        String number = target.number();
        String music = me.settings().getMohPrompt(); // R3.1: the customer waits with the service's music on hold
        flow.telephony("consult " + number + " on call " + callId, port -> port.startConsult(callId, number, music));
        return view(me);
    }

    /**
     * R3.3: an outside target ends the call for us; a consulted agent of the service takes
     * it over (issue 7): On call, the ticket opens in its console and records the transfer.
     */
    @Override
    public AgentView connectCustomer() {
        Me me = loggedIn();
        PhoneCall c = heldCall(me, "there is no call to complete transfer");
        AgentSession consulted = flow.consulted(c).orElse(null);
        if (consulted == null) {
            return onCall(me, c, CallEvent.TRANSFER_COMPLETED, null, "complete transfer", (id, port) -> port.completeTransfer(id));
        }
        telephony.requireAvailable();
        Instant now = Instant.now();
        String detail = "connected to " + c.getConsultTarget();
        flow.callEvent(me.settings(), c, CallEvent.transferCompleted(true), me.id(), detail, now);
        String to = users.find(consulted.getUserId()).map(User::getDisplayName).orElse("#" + consulted.getUserId());
        flow.handOver(c, consulted, me.user().getDisplayName(), to, me.user().getUsername(), now);
        long callId = c.getId();
        flow.telephony("complete transfer call " + callId, port -> port.completeTransfer(callId));
        return view(me);
    }

    @Override
    public AgentView cancelConsult() {
        return onCall(CallEvent.CONSULT_CANCELLED, null, "cancel consultation", (id, port) -> port.cancelConsult(id));
    }

    @Override
    public AgentView abusiveTermination() {
        Me me = loggedIn();
        PhoneCall c = heldCall(me, "there is no call to end");
        telephony.requireAvailable();
        Instant now = Instant.now();
        String prompt = me.settings().getAnnouncementPrompt();
        flow.callEvent(me.settings(), c, CallEvent.ABUSIVE_CALL_TERMINATED, me.id(), "announcement " + prompt, now);
        c.keepRecording(); // evidence: retention never deletes it (issue 7 part 3)
        if (c.getTicketId() != null) {
            tickets.record(c.getTicketId(), "ABUSIVE_TERMINATION", me.settings().getAbusiveText(), me.user().getUsername(), now);
        }
        long callId = c.getId();
        flow.telephony("abusive termination of call " + callId, port -> port.playAndHangUp(callId, prompt));
        return view(me);
    }

    @Override
    public AgentView hangUp() {
        return onCall(CallEvent.AGENT_HUNG_UP, null, "hang up", (id, port) -> port.hangUp(id));
    }

    @Override
    public List<ReadyAgent> readyAgents() {
        Me me = me(false);
        return sessions.inState(me.tenant(), AgentState.READY.name()).stream()
                .filter(s -> !s.getUserId().equals(me.id()))
                .flatMap(s -> users.find(s.getUserId()).stream().flatMap(u -> cti.agent(u.getId()).stream()
                        .map(a -> new ReadyAgent(u.getId(), u.getDisplayName(), a.getCtiNumber(), s.getSince()))))
                .toList();
    }

    private interface PortAction {
        void run(long callId, TelephonyPort port);
    }

    private AgentView onCall(CallEvent event, String detail, String what, PortAction action) {
        Me me = loggedIn();
        return onCall(me, heldCall(me, "there is no call to " + what), event, detail, what, action);
    }

    private AgentView onCall(Me me, PhoneCall c, CallEvent event, String detail, String what, PortAction action) {
        telephony.requireAvailable();
        if (detail == null && c.getConsultTarget() != null) {
            // issue 7 part 6: the ticket's timeline names the transfer target and what became of it
            detail = switch (event) {
                case TRANSFER_COMPLETED -> "connected to " + c.getConsultTarget();
                case CONSULT_CANCELLED -> "cancelled " + c.getConsultTarget();
                default -> null;
            };
        }
        flow.callEvent(me.settings(), c, event, me.id(), detail, Instant.now());
        if (event == CallEvent.CONSULT_CANCELLED) {
            c.setConsultTarget(null); // the widget no longer names a target once the consultation is cancelled
        }
        long callId = c.getId();
        Consumer<TelephonyPort> command = port -> action.run(callId, port);
        flow.telephony(what + " call " + callId, command);
        return view(me);
    }

    private PhoneCall heldCall(Me me, String none) {
        Long callId = me.session().getCallId();
        if (callId == null) {
            throw new ConflictException("status", none).coded("cti.noCall");
        }
        PhoneCall c = calls.find(callId).orElseThrow(() -> new ConflictException("status", none).coded("cti.noCall"));
        calls.refresh(c);
        if (consulted(me.id(), c)) {
            throw new ConflictException("status", "you are being consulted on this call: the consulting agent connects or cancels, "
                    + "and you can hang up on your phone").coded("cti.consulted");
        }
        return c;
    }

    /** issue 7: the agent holds the call only as the target of another agent's consultation */
    private static boolean consulted(long me, PhoneCall c) {
        return !Objects.equals(c.getAgentId(), me) && !Objects.equals(c.getOfferedTo(), me);
    }

    private record Target(String number, AgentSession agent) {
    }

    private Target consultTarget(Me me, ConsultRequest r) {
        long given = Stream.of(r.number(), r.transferNumberId(), r.agentId()).filter(Objects::nonNull).count();
        if (given != 1) {
            throw new ValidationException("number", "give exactly one target: a number, a frequently used number or a Ready agent").coded("cti.oneTarget");
        }
        if (r.number() != null) {
            return new Target(TransferTargets.normalise("number", r.number()), null);
        }
        if (r.transferNumberId() != null) {
            return new Target(transferNumbers.find(r.transferNumberId()).filter(t -> t.getTenantId().equals(me.tenant()))
                    .map(TransferNumber::getNumber)
                    .orElseThrow(() -> new ValidationException("transferNumberId", "no such frequently used number in your service")), null);
        }
        AgentSession target = sessions.find(r.agentId())
                .filter(s -> s.getTenantId().equals(me.tenant()) && !s.getUserId().equals(me.id()))
                .orElseThrow(() -> new ConflictException("agentId", "that agent is not Ready in your service").coded("cti.agentNotReady"));
        sessions.refresh(target); // under the service's CTI lock: its status cannot change until we commit
        if (!AgentState.READY.name().equals(target.getState())) {
            throw new ConflictException("agentId", "that agent is not Ready in your service").coded("cti.agentNotReady");
        }
        return new Target(cti.agent(target.getUserId()).map(CtiAgent::getCtiNumber)
                .orElseThrow(() -> new ConflictException("agentId", "that agent has no CTI number")), target);
    }

    /**
     * What the widget shows. After an action {@code me} is the same agent read under the lock at its start:
     * its session entity has followed the action, so it needs no second read of user, session and identity.
     */
    private AgentView view(Me me) {
        AgentSession s = me.session();
        if (s == null) {
            List<String> allowed = me.identity() == null ? List.of() : List.of(AgentEvent.CTI_LOGGED_IN.name());
            return new AgentView(AgentState.LOGGED_OUT.name(), null, null, allowed, null);
        }
        AgentState state = AgentState.valueOf(s.getState());
        PhoneCall held = s.getCallId() == null ? null : calls.find(s.getCallId()).orElse(null);
        // issue 7: held only as the target of another agent's consultation: the widget says who consults, for whom
        String consultedBy = held == null || !consulted(me.id(), held) ? null
                : users.find(held.getAgentId()).map(User::getDisplayName).orElse(null);
        boolean consulted = held != null && consulted(me.id(), held);
        List<String> allowed = new java.util.ArrayList<>(new AgentStateMachine(me.settings().getInitialStatus())
                .buttons(state, consulted).stream().map(Enum::name).toList());
        AgentView.CallView call = held == null ? null : new AgentView.CallView(held.getId(), held.getDirection(), held.getState(),
                held.getCustomerNumber(), held.getServiceNumber(), held.getOfferDeadline(), held.getTicketId(),
                held.getConsultTarget(), held.getConnectedAt(), consultedBy);
        boolean customerLeft = call != null && org.sangdam.call.domain.CallState.CONSULT_ONLY.name().equals(call.state());
        if (!consulted && (HANG_UP_STATES.contains(state) || customerLeft)) {
            allowed.add(HANG_UP); // issue 7: after the customer left a consultation, Hang up ends it
        }
        if (customerLeft) {
            allowed.remove(AgentEvent.TRANSFER_COMPLETED.name());
        }
        allowed.sort(null);
        return new AgentView(state.name(), s.getReason(), s.getSince(), allowed, call);
    }
}
