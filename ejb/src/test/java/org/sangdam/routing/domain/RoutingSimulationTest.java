package org.sangdam.routing.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sangdam.agent.domain.AgentEvent;
import org.sangdam.agent.domain.AgentId;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.agent.domain.AgentStateMachine;
import org.sangdam.agent.domain.AgentStatus;
import org.sangdam.call.domain.CallEvent;
import org.sangdam.call.domain.CallId;
import org.sangdam.call.domain.CallState;
import org.sangdam.call.domain.CallStateMachine;
import org.sangdam.call.domain.CallTransition;
import org.sangdam.call.domain.EndCause;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.cti.domain.InitialStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sangdam.call.domain.CallEvent.*;

/**
 * Agents and callers acting at random against the real agent table, call table and
 * queue, the way the services will drive them; the invariants are checked after
 * every step.
 */
@DisplayName("R2.4/R2.6 randomized routing")
class RoutingSimulationTest {
    private static final long SERVICE = 1, OTHER_SERVICE = 2;
    private static final Duration RECALL = Duration.ofSeconds(15);
    private static final int STEPS = 5_000;
    private static final List<CallEvent> AGENT_SIDE = List.of(FAR_END_ANSWERED, FAILED, HELD, RELEASED, CONSULT_STARTED,
            CONSULT_CONNECTED, CONSULT_CANCELLED, CONSULT_FAILED, TRANSFER_COMPLETED, AGENT_HUNG_UP, AGENT_HUNG_UP,
            ABUSIVE_CALL_TERMINATED);
    private static final List<AgentEvent> STATUS_CHOICES = List.of(AgentEvent.CTI_LOGGED_IN, AgentEvent.READY_CHOSEN,
            AgentEvent.READY_CHOSEN, AgentEvent.READY_CHOSEN, AgentEvent.WORK_CHOSEN, AgentEvent.BREAK_CHOSEN,
            AgentEvent.CTI_LOGGED_OUT);

    private record Profile(long service, boolean phonePermission, boolean ctiIdentity) {
    }

    private final Map<AgentId, Profile> profiles = new LinkedHashMap<>();
    private final Map<AgentId, AgentStatus> agents = new LinkedHashMap<>();
    private final Map<CallId, CallState> calls = new LinkedHashMap<>();
    private final Map<CallId, Instant> queuedAt = new HashMap<>();
    private final Map<CallId, AgentId> holder = new HashMap<>();
    private final Map<CallId, EndCause> endCauses = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private AgentStateMachine machine;
    private CallQueue queue;
    private Random random;
    private Instant now = Instant.parse("2025-03-03T09:00:00Z");
    private long nextCall = 1;

    @ParameterizedTest(name = "seed {0}, after a missed offer {1}")
    @CsvSource({"1, WORK", "2, READY", "3, BREAK", "20250303, READY"})
    @DisplayName("R2.4/R2.6 with calls arriving, ringing out, answered and hung up, no call is offered twice, no agent holds two, no call is lost")
    void invariantsHoldAfterEveryStep(long seed, AgentState afterMissedOffer) {
        random = new Random(seed);
        machine = new AgentStateMachine(InitialStatus.READY, afterMissedOffer, "no answer");
        queue = new CallQueue(SERVICE, RECALL);
        for (long id = 1; id <= 15; id++) {
            profiles.put(new AgentId(id), new Profile(id <= 12 ? SERVICE : OTHER_SERVICE, id != 11, id != 12));
            agents.put(new AgentId(id), AgentStatus.loggedOut(now));
        }

        for (int step = 0; step < STEPS; step++) {
            now = now.plusMillis(random.nextInt(3_000));
            int dice = random.nextInt(20);
            if (dice < 2) {
                arrive();
            } else if (dice < 3) {
                customerHangsUp();
            } else if (dice < 8) {
                answer();
            } else if (dice < 12) {
                agentActsOnCall();
            } else if (dice < 17) {
                agentChoosesStatus();
            } else if (dice < 18) {
                dial();
            }
            recall();
            route(random.nextInt(20) != 0);
            checkInvariants();
        }

        assertThat(counts).as("the walk exercised every path")
                .containsKeys("offer", "answer", "recall", "re-offer to another agent", "abandon while ringing",
                        "transfer", "outbound", "no inbound contract", "late answer refused");
        assertThat(counts.get("recall")).isGreaterThan(10);
        assertThat(counts.get("answer")).isGreaterThan(100);
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    private <T> T any(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private List<CallId> callsIn(Set<CallState> states) {
        return calls.entrySet().stream().filter(e -> states.contains(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** Moves the call and, through the event its row names, the agent holding it; the agent's table must accept. */
    private void callEvent(CallId call, CallEvent event) {
        CallTransition t = CallStateMachine.apply(calls.get(call), event);
        if (t.endCause() != null) {
            calls.remove(call);
            endCauses.put(call, t.endCause());
        } else {
            calls.put(call, t.state());
        }
        if (t.agentEvent() != null) {
            AgentId agent = holder.get(call);
            agents.put(agent, machine.apply(agents.get(agent), t.agentEvent(), now));
        }
        if (t.state() == CallState.QUEUED || t.state() == CallState.ENDED) {
            holder.remove(call);
        }
    }

    private void arrive() {
        CallId call = new CallId(nextCall++);
        calls.put(call, CallState.ARRIVED);
        callEvent(call, ENQUEUED);
        queuedAt.put(queue.enqueue(call, now).id(), now);
    }

    private void customerHangsUp() {
        List<CallId> live = callsIn(Set.of(CallState.ARRIVED, CallState.QUEUED, CallState.OFFERED, CallState.CONNECTED,
                CallState.ON_HOLD, CallState.CONSULT_DIALING, CallState.CONSULTING));
        if (live.isEmpty()) {
            return;
        }
        CallId call = any(live);
        CallState state = calls.get(call);
        if (state == CallState.QUEUED || state == CallState.OFFERED) {
            assertThat(queue.abandon(call).isPresent()).isEqualTo(state == CallState.OFFERED);
            count(state == CallState.OFFERED ? "abandon while ringing" : "abandon");
        }
        callEvent(call, CUSTOMER_HUNG_UP);
    }

    private void answer() {
        List<Offer> offers = queue.offers();
        if (offers.isEmpty()) {
            return;
        }
        Offer offer = any(offers);
        AgentId other = new AgentId(offer.agent().value() % 15 + 1);
        assertThatThrownBy(() -> queue.answer(offer.call(), other, now)).isInstanceOf(ConflictException.class);
        if (!now.isBefore(offer.deadline())) {
            assertThatThrownBy(() -> queue.answer(offer.call(), offer.agent(), now)).hasMessageContaining("expired");
            assertThat(queue.offers()).isEqualTo(offers);
            count("late answer refused");
            return;
        }
        assertThat(queue.offers()).isEqualTo(offers);
        queue.answer(offer.call(), offer.agent(), now);
        callEvent(offer.call(), ANSWERED);
        count("answer");
    }

    private void agentActsOnCall() {
        List<CallId> held = callsIn(Set.of(CallState.DIALING, CallState.CONNECTED, CallState.ON_HOLD,
                CallState.CONSULT_DIALING, CallState.CONSULTING));
        if (held.isEmpty()) {
            return;
        }
        CallId call = any(held);
        List<CallEvent> possible = AGENT_SIDE.stream().filter(e -> accepts(calls.get(call), e)).toList();
        CallEvent event = any(possible);
        callEvent(call, event);
        if (event == TRANSFER_COMPLETED) {
            count("transfer");
        }
    }

    private static boolean accepts(CallState state, CallEvent event) {
        try {
            CallStateMachine.apply(state, event);
            return true;
        } catch (ConflictException refused) {
            return false;
        }
    }

    private void agentChoosesStatus() {
        AgentId agent = any(new ArrayList<>(agents.keySet()));
        try {
            agents.put(agent, machine.apply(agents.get(agent), any(STATUS_CHOICES), now));
        } catch (ConflictException refused) {
            // a button that is not active in the agent's status: nothing changes
        }
    }

    private void dial() {
        AgentId agent = any(new ArrayList<>(agents.keySet()));
        if (!machine.allowed(agents.get(agent).state()).contains(AgentEvent.DIAL_STARTED)) {
            return;
        }
        agents.put(agent, machine.apply(agents.get(agent), AgentEvent.DIAL_STARTED, now));
        CallId call = new CallId(nextCall++);
        calls.put(call, CallState.DIALING);
        holder.put(call, agent);
        count("outbound");
    }

    private void recall() {
        for (Offer offer : queue.recallDue(now)) {
            assertThat(offer.deadline()).isBeforeOrEqualTo(now);
            callEvent(offer.call(), OFFER_TIMED_OUT);
            count("recall");
        }
    }

    private void route(boolean ctiInbound) {
        List<RoutableAgent> snapshot = agents.entrySet().stream().map(e -> {
            Profile p = profiles.get(e.getKey());
            return new RoutableAgent(e.getKey(), p.service(), e.getValue().state(), p.phonePermission(),
                    p.ctiIdentity(), e.getValue().since());
        }).toList();
        Map<AgentId, Instant> free = snapshot.stream()
                .filter(a -> a.canTakeCallsOf(SERVICE) && queue.offerFor(a.id()).isEmpty())
                .collect(Collectors.toMap(RoutableAgent::id, RoutableAgent::idleSince));
        Map<CallId, Set<AgentId>> missedBy = queue.calls().stream()
                .collect(Collectors.toMap(QueuedCall::id, QueuedCall::missedBy));
        boolean waiting = queue.calls().size() > queue.offers().size();

        List<Offer> offers = queue.route(snapshot, ctiInbound, now);

        if (!ctiInbound) {
            assertThat(offers).as("R1.1").isEmpty();
            if (waiting && !free.isEmpty()) {
                count("no inbound contract");
            }
            return;
        }
        Set<AgentId> offered = offers.stream().map(Offer::agent).collect(Collectors.toSet());
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            assertThat(free).as("R2.4 offered only to a free eligible agent of the service").containsKey(offer.agent());
            assertThat(offer.deadline()).isEqualTo(now.plus(RECALL));
            Set<AgentId> missed = missedBy.get(offer.call());
            if (missed.contains(offer.agent())) {
                assertThat(offered).as("R2.6 the misser gets the call back only if every other free agent got a call")
                        .containsAll(free.keySet().stream().filter(a -> !missed.contains(a)).toList());
            } else if (!missed.isEmpty()) {
                count("re-offer to another agent");
            }
            if (i == 0) {
                Instant longest = free.entrySet().stream()
                        .filter(e -> !missed.contains(e.getKey()) || free.keySet().stream().allMatch(missed::contains))
                        .map(Map.Entry::getValue).min(Comparator.naturalOrder()).orElseThrow();
                assertThat(free.get(offer.agent())).as("R2.4 longest idle first").isEqualTo(longest);
            }
            holder.put(offer.call(), offer.agent());
            callEvent(offer.call(), OFFER_MADE);
            count("offer");
        }
    }

    private static final Map<CallState, AgentState> AGENT_WHILE = new EnumMap<>(Map.of(
            CallState.OFFERED, AgentState.OFFERED,
            CallState.DIALING, AgentState.DIALING,
            CallState.CONNECTED, AgentState.ON_CALL,
            CallState.ON_HOLD, AgentState.ON_HOLD,
            CallState.CONSULT_DIALING, AgentState.ON_HOLD,
            CallState.CONSULTING, AgentState.ON_CALL_TRANSFER));

    private void checkInvariants() {
        List<Offer> offers = queue.offers();
        assertThat(offers.stream().map(Offer::call).distinct()).as("R2.6 a call is offered to one agent at a time")
                .hasSize(offers.size());
        assertThat(offers.stream().map(Offer::agent).distinct()).as("an agent holds one offer")
                .hasSize(offers.size());
        for (Offer offer : offers) {
            assertThat(calls.get(offer.call())).isEqualTo(CallState.OFFERED);
            assertThat(holder.get(offer.call())).isEqualTo(offer.agent());
        }

        Set<AgentId> busy = new HashSet<>();
        for (Map.Entry<CallId, AgentId> e : holder.entrySet()) {
            assertThat(busy.add(e.getValue())).as("%s holds two calls", e.getValue()).isTrue();
            assertThat(agents.get(e.getValue()).state()).as("%s holding %s", e.getValue(), e.getKey())
                    .isEqualTo(AGENT_WHILE.get(calls.get(e.getKey())));
        }
        agents.forEach((agent, status) -> {
            if (!busy.contains(agent)) {
                assertThat(AGENT_WHILE.values()).as("%s holds no call", agent).doesNotContain(status.state());
            }
        });
        assertThat(Set.copyOf(callsIn(AGENT_WHILE.keySet()))).as("every call in an agent's hands has its agent")
                .isEqualTo(holder.keySet());

        assertThat(queue.calls().stream().map(QueuedCall::id).collect(Collectors.toSet())).as("no queued call is lost")
                .isEqualTo(Set.copyOf(callsIn(Set.of(CallState.QUEUED, CallState.OFFERED))));
        List<QueuedCall> queued = queue.calls();
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).queuedAt()).as("R2.6 a call keeps its place across recalls")
                    .isEqualTo(queuedAt.get(queued.get(i).id()));
            if (i > 0) {
                assertThat(queued.get(i).queuedAt()).isAfterOrEqualTo(queued.get(i - 1).queuedAt());
            }
        }
        assertThat(calls.size() + endCauses.size()).as("every call is live or ended with a cause").isEqualTo(nextCall - 1);
    }
}
