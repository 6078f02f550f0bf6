package org.sangdam.b2bua.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Issue 5 the B2BUA's legs: inbound, outbound, hang-up from each side, races")
class B2buaCallTest {

    private static B2buaCall inboundRinging(String... forks) {
        B2buaCall call = B2buaCall.inbound();
        call.agentInvited(List.of(forks));
        return call;
    }

    @Test
    @DisplayName("R2.6 an inbound customer hears queue music from the start")
    void inboundStartsWithMusic() {
        B2buaCall call = B2buaCall.inbound();
        assertThat(B2buaCall.inboundStart()).containsExactly(new Effect.MusicToCustomer());
        assertThat(call.customer()).isEqualTo(LegState.UP);
        assertThat(call.agent()).isEqualTo(LegState.NONE);
    }

    @Test
    @DisplayName("R2.5 the first phone to answer is bridged to the customer and the agent's other phones are cancelled")
    void firstForkWins() {
        B2buaCall call = inboundRinging("desk", "soft");
        assertThat(call.agent()).isEqualTo(LegState.RINGING);
        assertThat(call.agentForkAnswered("soft")).containsExactly(new Effect.CancelAgentFork("desk"), new Effect.Bridge());
        assertThat(call.bridged()).isTrue();
        assertThat(call.agent()).isEqualTo(LegState.UP);
        assertThat(call.agentWinner()).isEqualTo("soft");
        assertThat(call.agentForkAnswered("desk")).as("the cancelled phone's late 200").containsExactly(new Effect.ByeAgentFork("desk"));
        assertThat(call.agent()).isEqualTo(LegState.UP);
    }

    @Test
    @DisplayName("R4.1 the customer's BYE while talking hangs up the agent's phone and tells the core the customer hung up")
    void customerByeWhileTalking() {
        B2buaCall call = inboundRinging("desk");
        call.agentForkAnswered("desk");
        assertThat(call.customerHungUp()).containsExactly(new Effect.ByeAgent(), new Effect.CloseMedia(), new Effect.ReportCustomerHungUp());
        assertThat(call.ended()).isTrue();
        assertThat(call.agentHungUp()).as("the agent's BYE crossing ours").isEmpty();
        assertThat(call.hangUp()).as("the core's hang-up afterwards").isEmpty();
    }

    @Test
    @DisplayName("R2.6 the customer's BYE while queued ends the call with nothing else to hang up")
    void customerByeWhileQueued() {
        B2buaCall call = B2buaCall.inbound();
        assertThat(call.customerHungUp()).containsExactly(new Effect.CloseMedia(), new Effect.ReportCustomerHungUp());
    }

    @Test
    @DisplayName("R2.5 the customer's BYE while the agent's phone rings cancels the phone")
    void customerByeWhileAgentRings() {
        B2buaCall call = inboundRinging("desk");
        assertThat(call.customerHungUp()).containsExactly(new Effect.CancelAgentFork("desk"), new Effect.CloseMedia(), new Effect.ReportCustomerHungUp());
        assertThat(call.agentForkAnswered("desk")).as("200 racing the CANCEL").containsExactly(new Effect.ByeAgentFork("desk"));
    }

    @Test
    @DisplayName("R4.1 the agent phone's BYE hangs up the customer and tells the core the agent hung up")
    void agentBye() {
        B2buaCall call = inboundRinging("desk");
        call.agentForkAnswered("desk");
        assertThat(call.agentHungUp()).containsExactly(new Effect.ByeCustomer(), new Effect.CloseMedia(), new Effect.ReportAgentHungUp());
        assertThat(call.customerHungUp()).isEmpty();
    }

    @Test
    @DisplayName("R4.1 a hang-up from the console ends every leg and reports nothing back")
    void coreHangUp() {
        B2buaCall call = inboundRinging("desk");
        call.agentForkAnswered("desk");
        assertThat(call.hangUp()).containsExactly(new Effect.ByeAgent(), new Effect.ByeCustomer(), new Effect.CloseMedia());
        assertThat(call.hangUp()).isEmpty();
    }

    @Test
    @DisplayName("R2.6 recall cancels a ringing agent phone; the customer stays on music and a later answer can invite again")
    void withdraw() {
        B2buaCall call = inboundRinging("desk", "soft");
        assertThat(call.withdrawAgent()).containsExactly(new Effect.CancelAgentFork("desk"), new Effect.CancelAgentFork("soft"));
        assertThat(call.agentForkFailed("desk", "487 Request Terminated")).isEmpty();
        assertThat(call.ended()).isFalse();
        call.agentInvited(List.of("other"));
        assertThat(call.agentForkAnswered("other")).containsExactly(new Effect.Bridge());
    }

    @Test
    @DisplayName("R2.6 phones still ringing after the ring time (the recall time) are cancelled and the core is told once; the customer stays on music")
    void ringTimeout() {
        B2buaCall call = inboundRinging("desk", "soft");
        call.agentForkFailed("soft", "486 Busy Here");
        assertThat(call.agentRingTimedOut(List.of("desk", "soft"), "no answer within 15 s"))
                .containsExactly(new Effect.CancelAgentFork("desk"), new Effect.ReportAgentPhoneFailed("agent phone: no answer within 15 s"));
        assertThat(call.agentForkFailed("desk", "487 Request Terminated")).as("the answer to our CANCEL").isEmpty();
        assertThat(call.agentRingTimedOut(List.of("desk", "soft"), "no answer within 15 s")).as("once").isEmpty();
        assertThat(call.ended()).isFalse();
        assertThat(call.customer()).isEqualTo(LegState.UP);
    }

    @Test
    @DisplayName("R2.6 the ring timer does nothing once a phone answered, after a recall, or for an earlier round of invitations")
    void ringTimeoutTooLate() {
        B2buaCall answered = inboundRinging("desk");
        answered.agentForkAnswered("desk");
        assertThat(answered.agentRingTimedOut(List.of("desk"), "no answer")).isEmpty();

        B2buaCall withdrawn = inboundRinging("desk");
        withdrawn.withdrawAgent();
        assertThat(withdrawn.agentRingTimedOut(List.of("desk"), "no answer")).isEmpty();

        B2buaCall again = inboundRinging("desk");
        again.agentForkFailed("desk", "480 Temporarily Unavailable");
        again.agentInvited(List.of("desk2"));
        assertThat(again.agentRingTimedOut(List.of("desk"), "no answer")).as("the first round's timer").isEmpty();
        assertThat(again.agent()).isEqualTo(LegState.RINGING);

        B2buaCall outbound = B2buaCall.outbound();
        outbound.agentInvited(List.of("desk"));
        assertThat(outbound.agentRingTimedOut(List.of("desk"), "no answer")).as("outbound: the agent's own dial").isEmpty();
    }

    @Test
    @DisplayName("an inbound agent phone that refuses leaves the customer on music, not hung up, and the core is told (it re-queues the call)")
    void inboundAgentRefuses() {
        B2buaCall call = inboundRinging("desk");
        assertThat(call.agentForkFailed("desk", "486 Busy Here")).containsExactly(new Effect.ReportAgentPhoneFailed("agent phone: 486 Busy Here"));
        assertThat(call.ended()).isFalse();
        assertThat(call.agent()).isEqualTo(LegState.ENDED);
    }

    @Test
    @DisplayName("an agent leg cannot be invited twice or after the end")
    void inviteRules() {
        B2buaCall call = inboundRinging("desk");
        assertThatThrownBy(() -> call.agentInvited(List.of("x"))).isInstanceOf(IllegalStateException.class);
        call.customerHungUp();
        assertThatThrownBy(() -> call.agentInvited(List.of("x"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("over");
    }

    @Test
    @DisplayName("R2.7 outbound: agent phone first, then the customer with ringback to the agent; R2.8 the customer's answer bridges and is reported")
    void outbound() {
        B2buaCall call = B2buaCall.outbound();
        call.agentInvited(List.of("desk"));
        assertThat(call.agentForkAnswered("desk")).containsExactly(new Effect.RingbackToAgent(), new Effect.InviteCustomer());
        assertThat(call.customer()).isEqualTo(LegState.RINGING);
        assertThat(call.customerAnswered()).containsExactly(new Effect.Bridge(), new Effect.ReportCustomerAnswered());
        assertThat(call.bridged()).isTrue();
    }

    @Test
    @DisplayName("R2.8 outbound: busy at the customer ends the agent leg and reports the SIP cause")
    void outboundBusy() {
        B2buaCall call = B2buaCall.outbound();
        call.agentInvited(List.of("desk"));
        call.agentForkAnswered("desk");
        assertThat(call.customerFailed("486 Busy Here")).containsExactly(new Effect.ByeAgent(), new Effect.CloseMedia(), new Effect.ReportDialFailed("486 Busy Here"));
        assertThat(call.ended()).isTrue();
    }

    @Test
    @DisplayName("R2.8 outbound: the agent's phone refusing fails the dial with the phone's cause")
    void outboundAgentPhoneRefuses() {
        B2buaCall call = B2buaCall.outbound();
        call.agentInvited(List.of("desk", "soft"));
        assertThat(call.agentForkFailed("desk", "486 Busy Here")).as("another phone still rings").isEmpty();
        assertThat(call.agentForkFailed("soft", "480 Temporarily Unavailable"))
                .containsExactly(new Effect.CloseMedia(), new Effect.ReportDialFailed("agent phone: 480 Temporarily Unavailable"));
    }

    @Test
    @DisplayName("R4.1 outbound: the agent hanging up while the customer rings cancels the customer; a racing 200 is hung up")
    void outboundAgentHangsUpWhileRinging() {
        B2buaCall call = B2buaCall.outbound();
        call.agentInvited(List.of("desk"));
        call.agentForkAnswered("desk");
        assertThat(call.agentHungUp()).containsExactly(new Effect.CancelCustomer(), new Effect.CloseMedia(), new Effect.ReportAgentHungUp());
        assertThat(call.customerAnswered()).containsExactly(new Effect.ByeCustomer());
        assertThat(call.customerFailed("487 Request Terminated")).isEmpty();
    }

    @Test
    @DisplayName("R3.7 hold puts the customer on music and the agent on silence; release bridges again")
    void holdAndRelease() {
        B2buaCall call = inboundRinging("desk");
        call.agentForkAnswered("desk");
        assertThat(call.release()).as("not held").isEmpty();
        assertThat(call.hold()).containsExactly(new Effect.Unbridge(), new Effect.MusicToCustomer());
        assertThat(call.hold()).as("already held").isEmpty();
        assertThat(call.release()).containsExactly(new Effect.Bridge());
        assertThat(call.bridged()).isTrue();
    }

    @Test
    @DisplayName("R3.6 abusive termination: the agent leaves at once, the customer hears the prompt and then BYE")
    void playAndHangUp() {
        B2buaCall call = inboundRinging("desk");
        call.agentForkAnswered("desk");
        assertThat(call.playAndHangUp("abusive-ko")).containsExactly(new Effect.ByeAgent(), new Effect.Unbridge(), new Effect.PromptThenByeCustomer("abusive-ko"));
        assertThat(call.customerHungUp()).as("the customer hanging up during the prompt reports nothing more").isEmpty();
    }

    @Test
    @DisplayName("issue 5 item 6: a customer whose RTP stopped is hung up and reported as hanging up; an agent phone likewise")
    void vanishedPhones() {
        B2buaCall call = inboundRinging("desk");
        call.agentForkAnswered("desk");
        assertThat(call.customerVanished()).containsExactly(new Effect.ByeCustomer(), new Effect.ByeAgent(), new Effect.CloseMedia(), new Effect.ReportCustomerHungUp());
        assertThat(call.agentVanished()).isEmpty();

        B2buaCall other = inboundRinging("desk");
        assertThat(other.agentVanished()).as("a ringing phone sends no RTP yet").isEmpty();
        other.agentForkAnswered("desk");
        assertThat(other.agentVanished()).containsExactly(new Effect.ByeAgent(), new Effect.ByeCustomer(), new Effect.CloseMedia(), new Effect.ReportAgentHungUp());
    }

    @Test
    @DisplayName("Issue 5 item 6: a consultation target that vanishes (session timer) is hung up; the agent is back on hold, "
            + "or after the transfer the customer's leg ends; a ringing or ended target has nothing to vanish")
    void vanishedConsultTarget() {
        B2buaCall consulting = talking();
        consulting.consultStarted(List.of("t"));
        assertThat(consulting.consultVanished()).as("still ringing").isEmpty();
        consulting.consultForkAnswered("t");
        assertThat(consulting.consultVanished()).containsExactly(new Effect.ByeConsult(), new Effect.UnbridgeAgent(),
                new Effect.ReportConsultFailed("the consultation target hung up"));
        assertThat(consulting.consultVanished()).as("once").isEmpty();

        B2buaCall transferred = talking();
        transferred.consultStarted(List.of("t"));
        transferred.consultForkAnswered("t");
        transferred.completeTransfer();
        assertThat(transferred.consultVanished()).containsExactly(new Effect.ByeConsult(), new Effect.ByeCustomer(), new Effect.CloseMedia());
    }

    private static B2buaCall talking() {
        B2buaCall call = inboundRinging("desk");
        call.agentForkAnswered("desk");
        return call;
    }

    @Test
    @DisplayName("R3.1-R3.3 consultation: the customer hears music, the agent talks with the target, the transfer bridges customer and target and hangs up the agent")
    void consultAndTransfer() {
        B2buaCall call = talking();
        assertThat(call.consultStarted(List.of("target"))).containsExactly(new Effect.Unbridge(), new Effect.MusicToCustomer());
        assertThat(call.release()).as("no release while consulting").isEmpty();
        assertThat(call.consultForkAnswered("target")).containsExactly(new Effect.BridgeAgentConsult(), new Effect.ReportConsultConnected());
        assertThat(call.completeTransfer()).containsExactly(new Effect.BridgeCustomerConsult(), new Effect.ByeAgent());
        assertThat(call.agentHungUp()).as("the agent's 200 to our BYE, or a crossing BYE").isEmpty();
        assertThat(call.customerHungUp()).as("after the transfer the core has ended the call: nothing to report")
                .containsExactly(new Effect.ByeConsult(), new Effect.CloseMedia());
    }

    @Test
    @DisplayName("R3.3 after the transfer the target's BYE ends the customer's leg")
    void targetHangsUpAfterTransfer() {
        B2buaCall call = talking();
        call.consultStarted(List.of("target"));
        call.consultForkAnswered("target");
        call.completeTransfer();
        assertThat(call.consultHungUp()).containsExactly(new Effect.ByeCustomer(), new Effect.CloseMedia());
        assertThat(call.ended()).isTrue();
    }

    @Test
    @DisplayName("R3.4 cancel ends the target's leg and leaves the agent on hold; release reconnects the customer")
    void cancelThenRelease() {
        B2buaCall call = talking();
        call.consultStarted(List.of("target"));
        call.consultForkAnswered("target");
        assertThat(call.cancelConsult()).containsExactly(new Effect.ByeConsult(), new Effect.UnbridgeAgent());
        assertThat(call.release()).containsExactly(new Effect.Bridge());
    }

    @Test
    @DisplayName("R3.4 a busy target or one that hangs up during consultation is reported with the cause; ringing forks are cancelled on cancel")
    void consultFailures() {
        B2buaCall busy = talking();
        busy.consultStarted(List.of("a", "b"));
        assertThat(busy.consultForkFailed("a", "486 Busy Here")).isEmpty();
        assertThat(busy.consultForkFailed("b", "486 Busy Here")).containsExactly(new Effect.ReportConsultFailed("486 Busy Here"));
        assertThat(busy.ended()).isFalse();

        B2buaCall gone = talking();
        gone.consultStarted(List.of("t"));
        gone.consultForkAnswered("t");
        assertThat(gone.consultHungUp()).containsExactly(new Effect.UnbridgeAgent(), new Effect.ReportConsultFailed("the consultation target hung up"));

        B2buaCall ringing = talking();
        ringing.consultStarted(List.of("t"));
        assertThat(ringing.cancelConsult()).containsExactly(new Effect.CancelConsultFork("t"), new Effect.UnbridgeAgent());
        assertThat(ringing.consultForkAnswered("t")).containsExactly(new Effect.ByeConsultFork("t"));
    }

    @Test
    @DisplayName("Issue 7.2 the customer hanging up during consultation ends only the customer leg: agent and target keep talking; the agent's hang-up then ends both")
    void customerHangsUpDuringConsultation() {
        B2buaCall call = talking();
        call.consultStarted(List.of("t"));
        call.consultForkAnswered("t");
        assertThat(call.customerHungUp()).containsExactly(new Effect.ReportCustomerHungUp());
        assertThat(call.customerVanished()).as("the customer leg is gone: no RTP timeout on it").isEmpty();
        assertThat(call.completeTransfer()).as("nobody to connect").isEmpty();
        assertThat(call.release()).isEmpty();
        assertThat(call.hangUp()).containsExactly(new Effect.ByeAgent(), new Effect.ByeConsult(), new Effect.CloseMedia());
    }

    @Test
    @DisplayName("Issue 7.2 after the customer left the consultation: the target hanging up ends the agent leg; Cancel ends both; the agent's phone hanging up ends the target")
    void consultationWithoutCustomerEnds() {
        B2buaCall targetGoes = talking();
        targetGoes.consultStarted(List.of("t"));
        targetGoes.consultForkAnswered("t");
        targetGoes.customerHungUp();
        assertThat(targetGoes.consultHungUp()).containsExactly(new Effect.ByeAgent(), new Effect.CloseMedia(),
                new Effect.ReportConsultFailed("the consultation target hung up"));

        B2buaCall cancelled = talking();
        cancelled.consultStarted(List.of("t"));
        cancelled.consultForkAnswered("t");
        cancelled.customerHungUp();
        assertThat(cancelled.cancelConsult()).containsExactly(new Effect.ByeAgent(), new Effect.ByeConsult(), new Effect.CloseMedia());

        B2buaCall phoneGoes = talking();
        phoneGoes.consultStarted(List.of("t"));
        phoneGoes.consultForkAnswered("t");
        phoneGoes.customerHungUp();
        assertThat(phoneGoes.agentHungUp()).containsExactly(new Effect.ByeConsult(), new Effect.CloseMedia(), new Effect.ReportAgentHungUp());
    }

    @Test
    @DisplayName("Issue 7.2 while the target's phone still rings, the customer hanging up ends everything, the ringing included")
    void customerHangsUpWhileConsultRings() {
        B2buaCall call = talking();
        call.consultStarted(List.of("t"));
        assertThat(call.customerHungUp()).containsExactly(new Effect.ByeAgent(), new Effect.CancelConsultFork("t"), new Effect.CloseMedia(),
                new Effect.ReportCustomerHungUp());
    }

    @Test
    @DisplayName("a consultation needs a call with the agent on it, and only one at a time")
    void consultRules() {
        assertThatThrownBy(() -> inboundRinging("desk").consultStarted(List.of("t"))).isInstanceOf(IllegalStateException.class);
        B2buaCall call = talking();
        call.consultStarted(List.of("t"));
        assertThatThrownBy(() -> call.consultStarted(List.of("u"))).isInstanceOf(IllegalStateException.class);
    }

    /** a call whose agent consults another agent of the service (phones "t1", "t2"), "t1" answered */
    private static B2buaCall consultingAgent() {
        B2buaCall call = talking();
        call.consultStarted(List.of("t1", "t2"), true);
        call.consultForkAnswered("t1");
        return call;
    }

    @Test
    @DisplayName("Issue 7.2 Connect customer to an agent: customer and target bridged, the first agent's phone hung up, and the target's leg becomes the call's agent leg")
    void transferToAgentMakesTheTargetTheAgent() {
        B2buaCall call = consultingAgent();
        assertThat(call.completeTransfer()).containsExactly(new Effect.BridgeCustomerConsult(), new Effect.ByeAgentFork("desk"),
                new Effect.ConsultBecomesAgent("t1"));
        assertThat(call.agentWinner()).isEqualTo("t1");
        assertThat(call.agent()).isEqualTo(LegState.UP);
        assertThat(call.consult()).isEqualTo(LegState.NONE);
        assertThat(call.transferred()).as("it is the target's call now, not one handed away").isFalse();
        assertThat(call.bridged()).isTrue();
        assertThat(call.completeTransfer()).as("only once").isEmpty();
    }

    @Test
    @DisplayName("Issue 7.2 R4.1 after the transfer to an agent, the target's BYE hangs up the customer and is reported as the agent hanging up")
    void transferredAgentHangsUp() {
        B2buaCall call = consultingAgent();
        call.completeTransfer();
        assertThat(call.agentHungUp()).containsExactly(new Effect.ByeCustomer(), new Effect.CloseMedia(), new Effect.ReportAgentHungUp());
        assertThat(call.ended()).isTrue();
    }

    @Test
    @DisplayName("Issue 7.2 R4.1 after the transfer to an agent, the customer's BYE hangs up the target and is reported; hold and a new consultation work for the target")
    void transferredAgentKeepsTheCall() {
        B2buaCall call = consultingAgent();
        call.completeTransfer();
        assertThat(call.hold()).containsExactly(new Effect.Unbridge(), new Effect.MusicToCustomer());
        assertThat(call.release()).containsExactly(new Effect.Bridge());
        assertThat(call.consultStarted(List.of("outside"))).containsExactly(new Effect.Unbridge(), new Effect.MusicToCustomer());
        assertThat(call.cancelConsult()).containsExactly(new Effect.CancelConsultFork("outside"), new Effect.UnbridgeAgent());
        assertThat(call.customerHungUp()).containsExactly(new Effect.ByeAgent(), new Effect.CloseMedia(), new Effect.ReportCustomerHungUp());
    }

    @Test
    @DisplayName("Issue 7.2 a late 200 from the consulted agent's other phone after the transfer is hung up, and the first agent's crossing BYE changes nothing")
    void lateForksAfterTransferToAgent() {
        B2buaCall call = consultingAgent();
        call.completeTransfer();
        assertThat(call.consultForkAnswered("t2")).containsExactly(new Effect.ByeConsultFork("t2"));
        assertThat(call.ended()).isFalse();
        assertThat(call.agentWinner()).isEqualTo("t1");
    }
}
