package org.sangdam.routing.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sangdam.agent.domain.AgentId;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.call.domain.CallId;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

@DisplayName("R2.4/R2.6 routing and recall")
class CallQueueTest {
    private static final long SERVICE = 7;
    private static final Duration RECALL = Duration.ofSeconds(15);
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final AgentId A = new AgentId(1), B = new AgentId(2), C = new AgentId(3);
    private static final CallId C1 = new CallId(101), C2 = new CallId(102), C3 = new CallId(103);

    private final CallQueue queue = new CallQueue(SERVICE, RECALL);

    private static RoutableAgent ready(AgentId id, Instant idleSince) {
        return new RoutableAgent(id, SERVICE, AgentState.READY, true, true, idleSince);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    @DisplayName("R2.4 a call rings the Ready agent idle longest, until now + recall time")
    void longestIdleFirst() {
        queue.enqueue(C1, at(0));
        List<Offer> offers = queue.route(List.of(ready(A, at(-10)), ready(B, at(-30)), ready(C, at(-20))), true, at(1));
        assertThat(offers).containsExactly(new Offer(C1, B, at(16)));
        assertThat(queue.offerFor(B)).contains(offers.getFirst());
    }

    @Test
    @DisplayName("R2.6 scenario menu: a call in a named queue goes to that queue's members or generalists, longest idle first; a call nobody free answers waits without blocking later calls")
    void namedQueues() {
        RoutableAgent salesOnly = new RoutableAgent(A, SERVICE, AgentState.READY, true, true, at(-50), Set.of("sales"));
        RoutableAgent supportOnly = new RoutableAgent(B, SERVICE, AgentState.READY, true, true, at(-40), Set.of("support"));
        queue.enqueue(C1, at(0), "billing");
        queue.enqueue(C2, at(1), "support");
        queue.enqueue(C3, at(2), null);
        List<Offer> offers = queue.route(List.of(salesOnly, supportOnly), true, at(3));
        assertThat(offers).as("billing has no member free; the general-queue call goes to anyone")
                .containsExactlyInAnyOrder(new Offer(C2, B, at(18)), new Offer(C3, A, at(18)));

        RoutableAgent generalist = ready(C, at(-10));
        assertThat(queue.route(List.of(salesOnly, supportOnly, generalist), true, at(4)))
                .as("a generalist takes the billing call").containsExactly(new Offer(C1, C, at(19)));
    }

    static Stream<Arguments> ineligible() {
        Instant longAgo = at(-3600);
        return Stream.of(
                Arguments.of("Work", new RoutableAgent(C, SERVICE, AgentState.WORK, true, true, longAgo)),
                Arguments.of("Break", new RoutableAgent(C, SERVICE, AgentState.BREAK, true, true, longAgo)),
                Arguments.of("Work (ticket processing)", new RoutableAgent(C, SERVICE, AgentState.AFTER_CALL_WORK, true, true, longAgo)),
                Arguments.of("logged out", new RoutableAgent(C, SERVICE, AgentState.LOGGED_OUT, true, true, longAgo)),
                Arguments.of("on a call", new RoutableAgent(C, SERVICE, AgentState.ON_CALL, true, true, longAgo)),
                Arguments.of("already ringing", new RoutableAgent(C, SERVICE, AgentState.OFFERED, true, true, longAgo)),
                Arguments.of("no phone permission (R1.2)", new RoutableAgent(C, SERVICE, AgentState.READY, false, true, longAgo)),
                Arguments.of("no CTI ID/number (R1.4)", new RoutableAgent(C, SERVICE, AgentState.READY, true, false, longAgo)),
                Arguments.of("another service", new RoutableAgent(C, SERVICE + 1, AgentState.READY, true, true, longAgo)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ineligible")
    @DisplayName("R2.4 a call is offered only to a Ready, phone-enabled, CTI-assigned agent of the same service, however long the other was idle")
    void ineligibleAgentsNeverGetACall(String why, RoutableAgent agent) {
        queue.enqueue(C1, at(0));
        assertThat(queue.route(List.of(agent), true, at(1))).isEmpty();
        assertThat(queue.route(List.of(agent, ready(A, at(0))), true, at(2)))
                .extracting(Offer::agent).containsExactly(A);
    }

    @Test
    @DisplayName("R1.1 without CTI inbound no call is routed; the calls keep waiting")
    void noInboundContract() {
        queue.enqueue(C1, at(0));
        assertThat(queue.route(List.of(ready(A, at(0))), false, at(1))).isEmpty();
        assertThat(queue.calls()).extracting(QueuedCall::id).containsExactly(C1);
        assertThat(queue.route(List.of(ready(A, at(0))), true, at(2))).hasSize(1);
    }

    @Test
    @DisplayName("R2.4 the oldest calls are offered first, one per agent")
    void oldestCallsFirstOnePerAgent() {
        queue.enqueue(C3, at(3));
        queue.enqueue(C1, at(1));
        queue.enqueue(C2, at(2));
        List<Offer> offers = queue.route(List.of(ready(A, at(-5)), ready(B, at(-9))), true, at(4));
        assertThat(offers).extracting(Offer::call, Offer::agent)
                .containsExactly(tuple(C1, B), tuple(C2, A));
        assertThat(queue.offerOf(C3)).isEmpty();
    }

    @Test
    @DisplayName("R2.6 a call being offered is never offered to a second agent")
    void neverOfferedTwice() {
        queue.enqueue(C1, at(0));
        queue.route(List.of(ready(A, at(0))), true, at(1));
        assertThat(queue.route(List.of(ready(B, at(-100))), true, at(2))).isEmpty();
        assertThat(queue.offerOf(C1)).map(Offer::agent).contains(A);
    }

    @Test
    @DisplayName("R2.4 an agent holding an offer gets no second call, even if stale data still shows it Ready")
    void agentHoldsOneOffer() {
        queue.enqueue(C1, at(0));
        queue.route(List.of(ready(A, at(0))), true, at(1));
        queue.enqueue(C2, at(2));
        assertThat(queue.route(List.of(ready(A, at(0)), ready(A, at(0))), true, at(3))).isEmpty();
    }

    @Test
    @DisplayName("R2.6 recall: an offer is withdrawn exactly at its deadline, not before")
    void recallAtDeadline() {
        queue.enqueue(C1, at(0));
        Offer offer = queue.route(List.of(ready(A, at(0))), true, at(1)).getFirst();
        assertThat(queue.nextDeadline()).contains(at(16));
        assertThat(queue.recallDue(at(15))).isEmpty();
        assertThat(queue.recallDue(at(16))).containsExactly(offer);
        assertThat(queue.offers()).isEmpty();
        assertThat(queue.nextDeadline()).isEmpty();
        assertThat(queue.calls()).extracting(QueuedCall::id).containsExactly(C1);
    }

    @Test
    @DisplayName("R2.6 recall: an unanswered call is offered to another Ready agent, even if the one who missed it is idle longer")
    void recalledCallGoesToAnotherAgent() {
        queue.enqueue(C1, at(0));
        queue.route(List.of(ready(A, at(-60)), ready(B, at(-1))), true, at(1));
        assertThat(queue.offerOf(C1)).map(Offer::agent).contains(A);
        queue.recallDue(at(16));
        assertThat(queue.route(List.of(ready(A, at(-60)), ready(B, at(-1))), true, at(16)))
                .extracting(Offer::agent).containsExactly(B);
    }

    @Test
    @DisplayName("R2.6 recall: the call keeps its original place, ahead of calls that came later")
    void recalledCallKeepsItsPlace() {
        queue.enqueue(C1, at(0));
        queue.route(List.of(ready(A, at(0))), true, at(1));
        queue.enqueue(C2, at(5));
        queue.recallDue(at(16));
        assertThat(queue.calls()).extracting(QueuedCall::id).containsExactly(C1, C2);
        assertThat(queue.route(List.of(ready(B, at(0))), true, at(17)))
                .extracting(Offer::call).containsExactly(C1);
    }

    @Test
    @DisplayName("R2.6 recall: the agent who missed the call gets it again only when no other agent is Ready")
    void missedAgentOnlyAsLastResort() {
        queue.enqueue(C1, at(0));
        queue.route(List.of(ready(A, at(0))), true, at(1));
        queue.recallDue(at(16));
        assertThat(queue.calls().getFirst().missedBy()).containsExactly(A);
        assertThat(queue.route(List.of(ready(A, at(16))), true, at(17)))
                .containsExactly(new Offer(C1, A, at(32)));
    }

    @Test
    @DisplayName("R2.6 recall: with two calls and the misser plus one other agent, the other takes the missed call, the misser the next")
    void missedAgentTakesTheNextCall() {
        queue.enqueue(C1, at(0));
        queue.route(List.of(ready(A, at(0))), true, at(1));
        queue.enqueue(C2, at(2));
        queue.recallDue(at(16));
        List<Offer> offers = queue.route(List.of(ready(A, at(-50)), ready(B, at(10))), true, at(17));
        assertThat(offers).containsExactly(new Offer(C1, B, at(32)), new Offer(C2, A, at(32)));
    }

    @Test
    @DisplayName("R2.4 Answer before the deadline by the ringing agent takes the call out of the queue")
    void answer() {
        queue.enqueue(C1, at(0));
        queue.enqueue(C2, at(1));
        queue.route(List.of(ready(A, at(0))), true, at(2));
        assertThat(queue.answer(C1, A, at(16)).id()).isEqualTo(C1);
        assertThat(queue.calls()).extracting(QueuedCall::id).containsExactly(C2);
        assertThat(queue.offerFor(A)).isEmpty();
    }

    @Test
    @DisplayName("R2.4/R2.6 Answer is refused for another agent, after the deadline, or for a call not ringing; nothing changes")
    void answerRefused() {
        queue.enqueue(C1, at(0));
        Offer offer = queue.route(List.of(ready(A, at(0))), true, at(1)).getFirst();
        assertThatThrownBy(() -> queue.answer(C1, B, at(2)))
                .isInstanceOf(ConflictException.class).hasMessage("call 101 is offered to another agent");
        assertThatThrownBy(() -> queue.answer(C1, A, at(16)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> queue.answer(C2, A, at(2)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not being offered");
        assertThat(queue.offers()).containsExactly(offer);
    }

    @Test
    @DisplayName("R2.6 a caller who hangs up while ringing frees the agent for the next call")
    void abandonWhileRinging() {
        queue.enqueue(C1, at(0));
        queue.enqueue(C2, at(1));
        Offer offer = queue.route(List.of(ready(A, at(0))), true, at(2)).getFirst();
        assertThat(queue.abandon(C1)).contains(offer);
        assertThat(queue.abandon(C2)).isEqualTo(Optional.empty());
        assertThat(queue.calls()).isEmpty();
        assertThat(queue.offerFor(A)).isEmpty();
        assertThatThrownBy(() -> queue.abandon(C1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("R2.6 a call is queued once")
    void enqueueTwiceRefused() {
        queue.enqueue(C1, at(0));
        assertThatThrownBy(() -> queue.enqueue(C1, at(1))).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("R2.6 after a restart the queue order, who missed what, and pending deadlines are rebuilt from storage")
    void restore() {
        CallQueue restored = CallQueue.restore(SERVICE, RECALL,
                List.of(new QueuedCall(C2, at(2), Set.of()), new QueuedCall(C1, at(1), Set.of(B))),
                List.of(new Offer(C2, A, at(20))));
        assertThat(restored.calls()).extracting(QueuedCall::id).containsExactly(C1, C2);
        assertThat(restored.nextDeadline()).contains(at(20));
        assertThat(restored.route(List.of(ready(B, at(0)), ready(C, at(5))), true, at(10)))
                .containsExactly(new Offer(C1, C, at(25)));
        assertThat(restored.recallDue(at(20))).containsExactly(new Offer(C2, A, at(20)));
    }

    @Test
    @DisplayName("R2.6 stored state that breaks an invariant is not loaded")
    void restoreRejectsBrokenInvariants() {
        List<QueuedCall> calls = List.of(new QueuedCall(C1, at(1), Set.of()), new QueuedCall(C2, at(2), Set.of()));
        assertThatThrownBy(() -> CallQueue.restore(SERVICE, RECALL, calls,
                List.of(new Offer(C1, A, at(20)), new Offer(C1, B, at(20)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already offered");
        assertThatThrownBy(() -> CallQueue.restore(SERVICE, RECALL, calls,
                List.of(new Offer(C1, A, at(20)), new Offer(C2, A, at(20)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds");
        assertThatThrownBy(() -> CallQueue.restore(SERVICE, RECALL, calls, List.of(new Offer(C3, A, at(20)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not queued");
    }
}
