package org.sangdam.routing.domain;

import org.sangdam.agent.domain.AgentId;
import org.sangdam.call.domain.CallId;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One service's queue of waiting calls and the offers made from it (R2.4, R2.6).
 * <pre>
 *   enqueue --> route: the oldest waiting call rings the longest-idle eligible Ready agent
 *                      until now + recall time
 *          --> answer: before the deadline, by that agent; the call leaves the queue
 *           |  recallDue: the deadline passed; the offer is withdrawn, the call keeps its
 *           |             original place and is routed again, to another Ready agent
 *           |             than the one who missed it while there is one
 *           |  abandon: the caller hung up; an offer, if any, is withdrawn
 * </pre>
 * Invariants: a call is offered to at most one agent; an agent holds at most one offer;
 * no call leaves the queue except by answer or abandon. Routing does not offer calls
 * while the service has no CTI inbound (R1.1).
 *
 * <p>An answer at or after the deadline is refused: the widget stops ringing at the
 * deadline, so the agent's view and the queue agree even if the recall runs late.
 *
 * <p>Not thread-safe: one service's routing is serialized (one JMS message group per
 * service). The database holds the truth; {@link #restore} rebuilds the queue from it,
 * deadlines included, after a restart.
 */
public final class CallQueue {
    private static final Comparator<QueuedCall> ARRIVAL =
            Comparator.comparing(QueuedCall::queuedAt).thenComparingLong(c -> c.id().value());
    private static final Comparator<RoutableAgent> LONGEST_IDLE =
            Comparator.comparing(RoutableAgent::idleSince).thenComparingLong(a -> a.id().value());

    private final long serviceId;
    private final Duration recallTime;
    private final NavigableSet<QueuedCall> queue = new TreeSet<>(ARRIVAL);
    private final Map<CallId, QueuedCall> calls = new HashMap<>();
    private final Map<CallId, Offer> offersByCall = new HashMap<>();
    private final Map<AgentId, Offer> offersByAgent = new HashMap<>();

    public CallQueue(long serviceId, Duration recallTime) {
        if (recallTime.isNegative() || recallTime.isZero()) {
            throw new IllegalArgumentException("recall time must be positive: " + recallTime);
        }
        this.serviceId = serviceId;
        this.recallTime = recallTime;
    }

    /** Rebuilds a queue from stored calls and offers; inconsistent state is a bug, not user input. */
    public static CallQueue restore(long serviceId, Duration recallTime, Collection<QueuedCall> calls, Collection<Offer> offers) {
        CallQueue q = new CallQueue(serviceId, recallTime);
        for (QueuedCall call : calls) {
            if (q.calls.containsKey(call.id())) {
                throw new IllegalStateException(call.id() + " is stored twice");
            }
            q.add(call);
        }
        for (Offer offer : offers) {
            if (!q.calls.containsKey(offer.call())) {
                throw new IllegalStateException(offer + " is for a call that is not queued");
            }
            q.put(offer);
        }
        return q;
    }

    public QueuedCall enqueue(CallId id, Instant at) {
        return enqueue(id, at, null);
    }

    /** Queues a call in a named queue (the scenario's menu choice; {@code null}: the general queue). */
    public QueuedCall enqueue(CallId id, Instant at, String queueName) {
        if (calls.containsKey(id)) {
            throw new ConflictException("call", id + " is already queued");
        }
        QueuedCall call = new QueuedCall(id, at, Set.of(), queueName);
        add(call);
        return call;
    }

    /**
     * Offers the waiting calls, oldest first, to the eligible agents, longest idle first;
     * an agent who missed a call gets it back only when no other eligible agent is free.
     * A call in a named queue goes only to that queue's members and to generalists
     * (agents without queues); a call nobody free answers keeps its place and waits.
     *
     * @param agents the service's agents as stored now; others' agents are ignored
     * @return the offers made, for the caller to ring the agents and store the deadlines
     */
    public List<Offer> route(Collection<RoutableAgent> agents, boolean ctiInbound, Instant now) {
        if (!ctiInbound) {
            return List.of();
        }
        Map<AgentId, RoutableAgent> eligible = new LinkedHashMap<>();
        agents.stream()
                .filter(a -> a.canTakeCallsOf(serviceId) && !offersByAgent.containsKey(a.id()))
                .sorted(LONGEST_IDLE)
                .forEach(a -> eligible.putIfAbsent(a.id(), a));
        List<RoutableAgent> free = new ArrayList<>(eligible.values());

        List<Offer> made = new ArrayList<>();
        for (QueuedCall call : queue) {
            if (free.isEmpty()) {
                break;
            }
            if (offersByCall.containsKey(call.id())) {
                continue;
            }
            RoutableAgent agent = pick(free, call);
            if (agent == null) {
                continue; // nobody free answers this call's queue: a later call may still fit someone
            }
            free.remove(agent);
            Offer offer = new Offer(call.id(), agent.id(), now.plus(recallTime));
            put(offer);
            made.add(offer);
        }
        return made;
    }

    /** The longest idle free agent who answers the call's queue and has not missed it; else one who missed it. */
    private static RoutableAgent pick(List<RoutableAgent> free, QueuedCall call) {
        RoutableAgent missedIt = null;
        for (RoutableAgent a : free) {
            if (!a.answers(call.queue())) {
                continue;
            }
            if (!call.missedBy().contains(a.id())) {
                return a;
            }
            if (missedIt == null) {
                missedIt = a;
            }
        }
        return missedIt;
    }

    /** The agent answered: the call leaves the queue (R2.4). */
    public QueuedCall answer(CallId callId, AgentId agent, Instant now) {
        Offer offer = offersByCall.get(callId);
        if (offer == null) {
            throw new ConflictException("offer", callId + " is not being offered (it was recalled, answered or abandoned)");
        }
        if (!offer.agent().equals(agent)) {
            throw new ConflictException("offer", callId + " is offered to another agent");
        }
        if (!now.isBefore(offer.deadline())) {
            throw new ConflictException("offer", "the offer of " + callId + " expired at " + offer.deadline() + " and is being recalled");
        }
        removeOffer(offer);
        QueuedCall call = calls.remove(callId);
        queue.remove(call);
        return call;
    }

    /** Withdraws every offer whose deadline has come (R2.6); their calls wait again in their original places. */
    public List<Offer> recallDue(Instant now) {
        List<Offer> due = offersByCall.values().stream()
                .filter(o -> !now.isBefore(o.deadline()))
                .sorted(Comparator.comparing(Offer::deadline).thenComparingLong(o -> o.call().value()))
                .toList();
        for (Offer offer : due) {
            removeOffer(offer);
            QueuedCall call = calls.get(offer.call());
            queue.remove(call);
            add(call.recalledFrom(offer.agent()));
        }
        return due;
    }

    /** The caller hung up while waiting or ringing: the call leaves the queue; the withdrawn offer, if any, frees its agent. */
    public Optional<Offer> abandon(CallId callId) {
        QueuedCall call = calls.remove(callId);
        if (call == null) {
            throw new NotFoundException("queued call", callId.value());
        }
        queue.remove(call);
        Offer offer = offersByCall.get(callId);
        if (offer != null) {
            removeOffer(offer);
        }
        return Optional.ofNullable(offer);
    }

    /** When the next recall is due: what the single timer of this queue waits for. */
    public Optional<Instant> nextDeadline() {
        return offersByCall.values().stream().map(Offer::deadline).min(Comparator.naturalOrder());
    }

    /** Waiting and ringing calls, in queue order. */
    public List<QueuedCall> calls() {
        return List.copyOf(queue);
    }

    /** The pending offers, in queue order of their calls. */
    public List<Offer> offers() {
        return queue.stream().map(c -> offersByCall.get(c.id())).filter(Objects::nonNull).toList();
    }

    public Optional<Offer> offerOf(CallId callId) {
        return Optional.ofNullable(offersByCall.get(callId));
    }

    public Optional<Offer> offerFor(AgentId agent) {
        return Optional.ofNullable(offersByAgent.get(agent));
    }

    private void add(QueuedCall call) {
        calls.put(call.id(), call);
        queue.add(call);
    }

    private void put(Offer offer) {
        Objects.requireNonNull(offer);
        if (offersByCall.containsKey(offer.call())) {
            throw new IllegalStateException(offer.call() + " is already offered to " + offersByCall.get(offer.call()).agent());
        }
        if (offersByAgent.containsKey(offer.agent())) {
            throw new IllegalStateException(offer.agent() + " already holds an offer of " + offersByAgent.get(offer.agent()).call());
        }
        offersByCall.put(offer.call(), offer);
        offersByAgent.put(offer.agent(), offer);
    }

    private void removeOffer(Offer offer) {
        offersByCall.remove(offer.call());
        offersByAgent.remove(offer.agent());
    }
}
