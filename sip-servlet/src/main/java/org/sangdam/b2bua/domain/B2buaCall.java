package org.sangdam.b2bua.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legs of one call through the B2BUA and what each SIP event does to them.
 * <p>
 * Lifecycle. <b>Inbound</b>: the customer's INVITE is answered at once and the
 * customer hears queue music; on Answer in the CTI API the agent's phones are
 * invited (one fork per registered contact); the first to answer is bridged to the
 * customer and the others are cancelled. <b>Outbound</b>: the agent's phones are
 * invited first; when one answers the customer is invited through the trunk while
 * the agent hears ringback; the customer's 200 bridges them, a failure ends the
 * call with its SIP cause. Either side's BYE ends the other leg (BYE when up,
 * CANCEL while ringing) and the CTI core is told who hung up; a hang-up commanded
 * by the core ends every leg and reports nothing back. After the end, late answers
 * are hung up and further events do nothing, so races between BYE, CANCEL and 200
 * always settle with every leg gone.
 * <p>
 * Not thread-safe: the glue serialises the events of one call.
 */
public final class B2buaCall {
    public enum Direction { INBOUND, OUTBOUND }

    private final Direction direction;
    private LegState customer;
    private final Map<String, LegState> agentForks = new LinkedHashMap<>();
    private String agentWinner;
    /** the core withdrew the agent leg (recall): its phones' refusals are no news to the core */
    private boolean agentWithdrawn;
    private final Map<String, LegState> consultForks = new LinkedHashMap<>();
    private String consultWinner;
    /** issue 7: the consultation target is an agent of the service, who takes the call over on Connect customer */
    private boolean consultToAgent;
    /** issue 7: the customer hung up during the consultation; agent and target still talk */
    private boolean customerLeft;
    private boolean transferred;
    private boolean bridged;
    private boolean held;
    private boolean ended;

    private B2buaCall(Direction direction, LegState customer) {
        this.direction = direction;
        this.customer = customer;
    }

    /** A customer's INVITE we answered: the customer hears queue music from the start (R2.6). */
    public static B2buaCall inbound() {
        return new B2buaCall(Direction.INBOUND, LegState.UP);
    }

    /** An outbound call (R2.7): nothing is up yet; the agent's phones are invited first. */
    public static B2buaCall outbound() {
        return new B2buaCall(Direction.OUTBOUND, LegState.NONE);
    }

    public static List<Effect> inboundStart() {
        return List.of(new Effect.MusicToCustomer());
    }

    public Direction direction() {
        return direction;
    }

    public boolean ended() {
        return ended;
    }

    public boolean bridged() {
        return bridged;
    }

    public boolean held() {
        return held;
    }

    public LegState customer() {
        return customer;
    }

    /** the agent leg: UP when a phone answered, RINGING while any fork rings, else NONE or ENDED */
    public LegState agent() {
        if (agentWinner != null) {
            return agentForks.get(agentWinner);
        }
        if (agentForks.containsValue(LegState.RINGING)) {
            return LegState.RINGING;
        }
        return agentForks.isEmpty() ? LegState.NONE : LegState.ENDED;
    }

    /** the consultation leg (issue 7, R3.1–R3.5): UP when the target answered, RINGING while it rings */
    public LegState consult() {
        if (consultWinner != null) {
            return consultForks.get(consultWinner);
        }
        if (consultForks.containsValue(LegState.RINGING)) {
            return LegState.RINGING;
        }
        return consultForks.isEmpty() ? LegState.NONE : LegState.ENDED;
    }

    public String consultWinner() {
        return consultWinner;
    }

    public boolean transferred() {
        return transferred;
    }

    /** the fork that answered, or null */
    public String agentWinner() {
        return agentWinner;
    }

    /**
     * The agent's phones are being invited, one fork per contact.
     *
     * @throws IllegalStateException when the call is over or an agent leg exists already
     */
    public void agentInvited(List<String> forks) {
        if (ended) {
            throw new IllegalStateException("the call is over");
        }
        if (agent() == LegState.RINGING || agent() == LegState.UP) {
            throw new IllegalStateException("the agent's phone is already " + agent());
        }
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("no phone to invite");
        }
        agentForks.clear();
        agentWinner = null;
        agentWithdrawn = false;
        forks.forEach(f -> agentForks.put(f, LegState.RINGING));
    }

    /** A phone answered (200 to our INVITE, ACK sent). */
    public List<Effect> agentForkAnswered(String fork) {
        if (ended || agentWinner != null || agentForks.get(fork) != LegState.RINGING) {
            if (agentForks.containsKey(fork)) {
                agentForks.put(fork, LegState.ENDED);
            }
            return List.of(new Effect.ByeAgentFork(fork));
        }
        agentWinner = fork;
        agentForks.put(fork, LegState.UP);
        List<Effect> out = new ArrayList<>(cancelRingingForks());
        if (direction == Direction.INBOUND) {
            bridged = true;
            out.add(new Effect.Bridge());
        } else {
            customer = LegState.RINGING;
            out.add(new Effect.RingbackToAgent());
            out.add(new Effect.InviteCustomer());
        }
        return out;
    }

    /**
     * A phone refused or did not answer. When the last fork of an outbound call fails,
     * the dial fails with the phone's cause; an inbound customer keeps hearing queue
     * music (the agent can still hang up through the CTI API).
     */
    public List<Effect> agentForkFailed(String fork, String cause) {
        if (agentForks.get(fork) != LegState.RINGING) {
            return List.of();
        }
        agentForks.put(fork, LegState.ENDED);
        if (ended || agent() != LegState.ENDED) {
            return List.of();
        }
        if (direction == Direction.INBOUND) {
            // every phone of the agent refused: the customer stays on music and the core re-queues the call
            return agentWithdrawn ? List.of() : List.of(new Effect.ReportAgentPhoneFailed("agent phone: " + cause));
        }
        ended = true;
        return List.of(new Effect.CloseMedia(), new Effect.ReportDialFailed("agent phone: " + cause));
    }

    /**
     * Inbound, R2.6: the agent answered in the console but none of the phones {@code forks}
     * (one round of invitations) was answered within the ring time (the service's recall
     * time). The ringing forks are cancelled and the core is told, which puts the call back
     * in the queue; the customer keeps the music. Nothing once a phone answered, when the
     * leg was withdrawn, for an earlier round's timer, or after the end.
     */
    public List<Effect> agentRingTimedOut(java.util.Collection<String> forks, String cause) {
        if (ended || direction != Direction.INBOUND || agentWinner != null || agentWithdrawn
                || !agentForks.keySet().equals(java.util.Set.copyOf(forks)) || agent() != LegState.RINGING) {
            return List.of();
        }
        agentWithdrawn = true; // the forks' 487 answers to our CANCELs are no news to the core
        List<Effect> out = new ArrayList<>(cancelRingingForks());
        out.add(new Effect.ReportAgentPhoneFailed("agent phone: " + cause));
        return out;
    }

    /** The core withdrew the offer (recall) or the answer: stop any ringing agent phone. */
    public List<Effect> withdrawAgent() {
        if (agentWinner != null) {
            return List.of();
        }
        agentWithdrawn = true;
        return cancelRingingForks();
    }

    /** Outbound: the customer answered. */
    public List<Effect> customerAnswered() {
        if (ended || customer != LegState.RINGING) {
            customer = LegState.ENDED;
            return List.of(new Effect.ByeCustomer());
        }
        customer = LegState.UP;
        bridged = true;
        return List.of(new Effect.Bridge(), new Effect.ReportCustomerAnswered());
    }

    /** Outbound: the customer's side refused (busy, no answer, failure), with the SIP cause. */
    public List<Effect> customerFailed(String cause) {
        if (customer != LegState.RINGING) {
            return List.of();
        }
        customer = LegState.ENDED;
        if (ended) {
            return List.of();
        }
        ended = true;
        List<Effect> out = new ArrayList<>(hangUpAgent());
        out.add(new Effect.CloseMedia());
        out.add(new Effect.ReportDialFailed(cause));
        return out;
    }

    /** The customer sent BYE (or CANCEL before we answered, or their media stopped). */
    public List<Effect> customerHungUp() {
        if (ended || customerLeft) {
            customer = LegState.ENDED;
            return List.of();
        }
        if (!transferred && consult() == LegState.UP) {
            // issue 7: during a consultation only the customer leg ends; agent and target keep talking
            customer = LegState.ENDED;
            customerLeft = true;
            return List.of(new Effect.ReportCustomerHungUp());
        }
        ended = true;
        customer = LegState.ENDED;
        List<Effect> out = new ArrayList<>(hangUpAgent());
        out.addAll(hangUpConsult());
        out.add(new Effect.CloseMedia());
        if (!transferred) {
            // after a transfer the core has ended the call (TRANSFERRED): nothing to report
            out.add(new Effect.ReportCustomerHungUp());
        }
        return out;
    }

    /** The agent's phone sent BYE. */
    public List<Effect> agentHungUp() {
        if (agentWinner != null) {
            agentForks.put(agentWinner, LegState.ENDED);
        }
        if (ended || transferred) {
            return List.of();
        }
        ended = true;
        List<Effect> out = new ArrayList<>(hangUpCustomer());
        out.addAll(hangUpConsult());
        out.add(new Effect.CloseMedia());
        out.add(new Effect.ReportAgentHungUp());
        return out;
    }

    /**
     * The customer's RTP stopped for longer than the timeout while their leg was up:
     * the phone or the network vanished without a BYE. The leg is hung up (BYE) and
     * the call ends as if the customer had hung up, so the agent is freed.
     */
    public List<Effect> customerVanished() {
        if (ended || customer != LegState.UP) {
            return List.of();
        }
        List<Effect> out = new ArrayList<>();
        out.add(new Effect.ByeCustomer());
        out.addAll(customerHungUp());
        return out;
    }

    /** The agent phone's RTP stopped for longer than the timeout: as if the agent hung up on the phone. */
    public List<Effect> agentVanished() {
        if (ended || agent() != LegState.UP) {
            return List.of();
        }
        List<Effect> out = new ArrayList<>();
        out.add(new Effect.ByeAgent());
        out.addAll(agentHungUp());
        return out;
    }

    /** The core ended the call (the agent hung up in the console, or the call failed): every leg goes, nothing is reported. */
    public List<Effect> hangUp() {
        if (ended) {
            return List.of();
        }
        ended = true;
        List<Effect> out = new ArrayList<>(hangUpAgent());
        out.addAll(hangUpConsult());
        out.addAll(hangUpCustomer());
        out.add(new Effect.CloseMedia());
        return out;
    }

    /** R3.7: the customer hears music, the agent nothing. */
    public List<Effect> hold() {
        if (ended || !bridged) {
            return List.of();
        }
        bridged = false;
        held = true;
        return List.of(new Effect.Unbridge(), new Effect.MusicToCustomer());
    }

    public List<Effect> release() {
        if (ended || !held || consult() == LegState.RINGING || consult() == LegState.UP) {
            return List.of();
        }
        held = false;
        bridged = true;
        return List.of(new Effect.Bridge());
    }

    /** R3.6: the agent leaves at once; the customer hears the prompt, then BYE. */
    public List<Effect> playAndHangUp(String prompt) {
        if (ended) {
            return List.of();
        }
        ended = true;
        bridged = false;
        List<Effect> out = new ArrayList<>(hangUpAgent());
        if (customer == LegState.UP) {
            customer = LegState.ENDED;
            out.add(new Effect.Unbridge());
            out.add(new Effect.PromptThenByeCustomer(prompt));
        } else {
            out.addAll(hangUpCustomer());
            out.add(new Effect.CloseMedia());
        }
        return out;
    }

    private List<Effect> hangUpAgent() {
        List<Effect> out = new ArrayList<>();
        if (agentWinner != null && agentForks.get(agentWinner) == LegState.UP) {
            agentForks.put(agentWinner, LegState.ENDED);
            out.add(new Effect.ByeAgent());
        }
        out.addAll(cancelRingingForks());
        return out;
    }

    // ---------------------------------------------------------------- consultation (issue 7)

    /**
     * R3.1: the agent consults someone. The customer hears music on hold and the agent
     * nothing until the target answers; the target's phones are invited one fork each.
     *
     * @throws IllegalStateException when the call is over, the agent is not on it, or a consultation is running
     */
    public List<Effect> consultStarted(List<String> forks) {
        return consultStarted(forks, false);
    }

    /**
     * As {@link #consultStarted(List)}; {@code toAgent}: the forks ring an agent of the
     * service, whose leg becomes the call's agent leg on Connect customer (issue 7).
     */
    public List<Effect> consultStarted(List<String> forks, boolean toAgent) {
        if (ended || agent() != LegState.UP || customer != LegState.UP) {
            throw new IllegalStateException("no call to consult from");
        }
        if (consult() == LegState.RINGING || consult() == LegState.UP) {
            throw new IllegalStateException("a consultation is already " + consult());
        }
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("no phone to invite");
        }
        consultForks.clear();
        consultWinner = null;
        consultToAgent = toAgent;
        forks.forEach(f -> consultForks.put(f, LegState.RINGING));
        if (bridged) {
            bridged = false;
            held = true;
            return List.of(new Effect.Unbridge(), new Effect.MusicToCustomer());
        }
        held = true;
        return List.of();
    }

    /** R3.2: the target answered: the agent talks with the target, the customer still hears music. */
    public List<Effect> consultForkAnswered(String fork) {
        if (ended || consultWinner != null || consultForks.get(fork) != LegState.RINGING) {
            if (consultForks.containsKey(fork)) {
                consultForks.put(fork, LegState.ENDED);
            }
            return List.of(new Effect.ByeConsultFork(fork));
        }
        consultWinner = fork;
        consultForks.put(fork, LegState.UP);
        List<Effect> out = new ArrayList<>(cancelRingingConsultForks());
        out.add(new Effect.BridgeAgentConsult());
        out.add(new Effect.ReportConsultConnected());
        return out;
    }

    /** The target was busy or did not answer (the last fork failed): the agent is back on hold with the cause. */
    public List<Effect> consultForkFailed(String fork, String cause) {
        if (consultForks.get(fork) != LegState.RINGING) {
            return List.of();
        }
        consultForks.put(fork, LegState.ENDED);
        if (ended || consult() != LegState.ENDED) {
            return List.of();
        }
        return List.of(new Effect.ReportConsultFailed(cause));
    }

    /**
     * The consultation target's leg vanished (its session timer ran out, or its
     * refresh was refused 481): it is hung up (BYE) and the call goes on as if the
     * target had hung up.
     */
    public List<Effect> consultVanished() {
        if (consultWinner == null || consultForks.get(consultWinner) != LegState.UP) {
            return List.of();
        }
        List<Effect> out = new ArrayList<>();
        out.add(new Effect.ByeConsult());
        out.addAll(consultHungUp());
        return out;
    }

    /** The target hung up: during consultation the agent is back on hold; after the transfer the call is over. */
    public List<Effect> consultHungUp() {
        if (consultWinner == null || consultForks.get(consultWinner) != LegState.UP) {
            return List.of();
        }
        consultForks.put(consultWinner, LegState.ENDED);
        if (transferred) {
            if (ended) {
                return List.of();
            }
            ended = true;
            List<Effect> out = new ArrayList<>(hangUpCustomer());
            out.add(new Effect.CloseMedia());
            return out;
        }
        if (ended) {
            return List.of();
        }
        if (customerLeft) {
            // nobody is left to talk to: the agent's leg ends too; the core ends the call
            ended = true;
            List<Effect> out = new ArrayList<>(hangUpAgent());
            out.add(new Effect.CloseMedia());
            out.add(new Effect.ReportConsultFailed("the consultation target hung up"));
            return out;
        }
        return List.of(new Effect.UnbridgeAgent(), new Effect.ReportConsultFailed("the consultation target hung up"));
    }

    /** R3.4: the agent cancels: the target's leg ends, the agent stays on hold (Release reconnects the customer). */
    public List<Effect> cancelConsult() {
        if (ended || transferred) {
            return List.of();
        }
        if (customerLeft) {
            return hangUp(); // the customer is gone: cancelling ends the call
        }
        List<Effect> out = new ArrayList<>(hangUpConsult());
        out.add(new Effect.UnbridgeAgent());
        return out;
    }

    /**
     * R3.3: the customer and the target are bridged and the agent's phone is hung up.
     * An agent target's leg then becomes the call's agent leg (issue 7): its BYE, the
     * customer's BYE, hold and release, a further consultation and abusive termination
     * work as on any call of that agent, and hang-ups are reported to the core again.
     */
    public List<Effect> completeTransfer() {
        if (ended || transferred || customerLeft || consult() != LegState.UP) {
            return List.of();
        }
        held = false;
        bridged = true;
        List<Effect> out = new ArrayList<>();
        out.add(new Effect.BridgeCustomerConsult());
        if (consultToAgent) {
            if (agentWinner != null && agentForks.get(agentWinner) == LegState.UP) {
                agentForks.put(agentWinner, LegState.ENDED);
                out.add(new Effect.ByeAgentFork(agentWinner));
            }
            String target = consultWinner;
            agentForks.put(target, LegState.UP);
            agentWinner = target;
            agentWithdrawn = false;
            consultForks.clear();
            consultWinner = null;
            consultToAgent = false;
            out.add(new Effect.ConsultBecomesAgent(target));
            return out;
        }
        transferred = true;
        if (agentWinner != null && agentForks.get(agentWinner) == LegState.UP) {
            agentForks.put(agentWinner, LegState.ENDED);
            out.add(new Effect.ByeAgent());
        }
        return out;
    }

    private List<Effect> hangUpConsult() {
        List<Effect> out = new ArrayList<>();
        if (consultWinner != null && consultForks.get(consultWinner) == LegState.UP) {
            consultForks.put(consultWinner, LegState.ENDED);
            out.add(new Effect.ByeConsult());
        }
        out.addAll(cancelRingingConsultForks());
        return out;
    }

    private List<Effect> cancelRingingConsultForks() {
        List<Effect> out = new ArrayList<>();
        for (Map.Entry<String, LegState> e : consultForks.entrySet()) {
            if (e.getValue() == LegState.RINGING) {
                e.setValue(LegState.ENDED);
                out.add(new Effect.CancelConsultFork(e.getKey()));
            }
        }
        return out;
    }

    private List<Effect> hangUpCustomer() {
        LegState was = customer;
        customer = LegState.ENDED;
        return switch (was) {
            case UP -> List.of(new Effect.ByeCustomer());
            case RINGING -> List.of(new Effect.CancelCustomer());
            default -> List.of();
        };
    }

    private List<Effect> cancelRingingForks() {
        List<Effect> out = new ArrayList<>();
        for (Map.Entry<String, LegState> e : agentForks.entrySet()) {
            if (e.getValue() == LegState.RINGING) {
                e.setValue(LegState.ENDED);
                out.add(new Effect.CancelAgentFork(e.getKey()));
            }
        }
        return out;
    }
}
