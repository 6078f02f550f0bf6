package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sangdam.it.sip.SipCalls.AGENT_HZ;
import static org.sangdam.it.sip.SipCalls.CUSTOMER_HZ;
import static org.sangdam.it.sip.SipCalls.SIP;
import static org.sangdam.it.sip.SipCalls.TWO_SECONDS;
import static org.sangdam.it.sip.SipCalls.agentPhone;
import static org.sangdam.it.sip.SipCalls.answer;
import static org.sangdam.it.sip.SipCalls.calls;
import static org.sangdam.it.sip.SipCalls.connect;
import static org.sangdam.it.sip.SipCalls.customer;
import static org.sangdam.it.sip.SipCalls.lastRecording;
import static org.sangdam.it.sip.SipCalls.toneWav;
import static org.sangdam.it.sip.SipCalls.ringingAgentPhone;
import static org.sangdam.it.sip.SipCalls.server;

/**
 * Real phone calls through the B2BUA (issue 5, R2.4–R2.6, R4.1): baresip as the
 * customer calling a DID over the demo trunk (which allows 127.0.0.1), baresip as
 * the agent's phone registered with its CTI number and answering automatically,
 * the agent answering through the CTI API, and audio checked by frequency: the
 * customer sends 700 Hz, the agent's phone 1300 Hz, each side's recording must
 * carry the other's tone. SIPp plays the INVITEs that must be refused. The set-up is
 * {@link SipCalls}, shared with the other call tests.
 */
@DisplayName("Issue 5 phone calls through the B2BUA with real peers and real audio")
class PhoneCallIT extends SipIT {
    /** the service's music on hold in the hold test: a tone no phone sends */
    private static final int HOLD_HZ = 1100;

    @Test
    @DisplayName("R2.4-R2.6 INVITEs from an unknown source (403), for an unknown number (404) or without a common codec (488) create no call; "
            + "the customer's call is answered with queue music, offered, answered in the CTI API, and audio flows both ways; R4.1 the customer's BYE ends both legs")
    void inboundCallWithAudio() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01022223333")) {
            CtiDesk desk = new CtiDesk(agent).ready();

            Sipp.Result stranger = Sipp.scenario("uac-invite-from-unknown-source-expect-403").as(did).from("127.0.0.2").run();
            assertThat(stranger.passed()).as(stranger.toString()).isTrue();
            Sipp.Result unknown = Sipp.scenario("uac-invite-unknown-number-expect-404").as("0299990000").run();
            assertThat(unknown.passed()).as(unknown.toString()).isTrue();
            Sipp.Result g729 = Sipp.scenario("uac-invite-g729-only-expect-488").as(did).run();
            assertThat(g729.passed()).as(g729.toString()).isTrue();

            // calls are offered first come first served: had a refused INVITE (from 01099998888) queued a call, it would be offered first
            long ticket = connect(customer, did, desk, phone, "01022223333");
            Path agentHears = lastRecording(phone);
            Path customerHears = lastRecording(customer);
            await("the agent's phone hears the customer's tone").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(agentHears, CUSTOMER_HZ) >= TWO_SECONDS);
            await("the customer hears the agent's tone").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ) >= TWO_SECONDS);
            assertThat(Tones.blocksWith(agentHears, AGENT_HZ)).as("the agent's own tone does not come back").isLessThan(5);
            assertThat(Tones.blocksWith(customerHears, CUSTOMER_HZ)).as("the customer's own tone does not come back").isLessThan(5);

            customer.hangUp();
            phone.awaitEvent("CALL_CLOSED", SIP);
            desk.awaitState("AFTER_CALL_WORK", SIP);
            assertThat(desk.ticketEvents(ticket)).contains("CUSTOMER_HUNG_UP").doesNotContain("AGENT_HUNG_UP");
        }
    }

    @Test
    @DisplayName("R4.1 the agent hanging up on the phone while talking ends the customer's leg too and puts the agent in after-call work (after re-INVITEs from the phone's own hold and resume)")
    void agentPhoneHangsUp() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01033334444")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            long ticket = connect(customer, did, desk, phone, "01033334444");

            // issue 5 item 6: the phone's own hold and resume are re-INVITEs inside the leg; the call survives them
            Path customerHears = lastRecording(customer);
            phone.command("hold", null);
            phone.command("resume", null);
            int resumed = Tones.length(customerHears);
            await("the agent is heard after the phone's re-INVITEs").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ, resumed) >= 50);
            assertThat(customer.saw("CALL_CLOSED")).isFalse();

            phone.hangUp();
            customer.awaitEvent("CALL_CLOSED", SIP);
            desk.awaitState("AFTER_CALL_WORK", SIP);
            assertThat(desk.ticketEvents(ticket)).contains("AGENT_HUNG_UP").doesNotContain("CUSTOMER_HUNG_UP");
        }
    }

    @Test
    @DisplayName("R2.6 a customer who hangs up while queued hears queue music until then, and the call leaves the queue: the next caller is offered first")
    void customerHangsUpWhileQueued() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = agentPhone(agent); Baresip first = customer("01055556666"); Baresip second = customer("01077778888")) {
            CtiDesk desk = new CtiDesk(agent);
            desk.act("login"); // in Work: nobody takes the call yet
            first.dial("sip:" + did + "@" + server());
            first.awaitEvent("CALL_ESTABLISHED", SIP);
            Path waiting = lastRecording(first);
            await("the queued customer hears music").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.Wav.read(waiting).samples().length >= 8000 * 2 && Tones.rms(waiting) > 0.01);
            first.hangUp();
            first.awaitEvent("CALL_CLOSED", SIP);

            connectAfterReady(second, did, desk, phone);
            second.hangUp();
            desk.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    private static void connectAfterReady(Baresip customer, String did, CtiDesk desk, Baresip phone) {
        customer.dial("sip:" + did + "@" + server());
        customer.awaitEvent("CALL_ESTABLISHED", SIP);
        desk.choose("READY");
        JsonNode offered = desk.awaitState("OFFERED", SIP);
        assertThat(offered.path("call").path("customerNumber").asText()).as("the abandoned call is not offered").isEqualTo("01077778888");
        desk.act("answer");
        phone.awaitEvent("CALL_ESTABLISHED", SIP);
    }

    @Test
    @DisplayName("R2.7 outbound: the agent's phone first, then the customer through the trunk with the approved caller ID in From and P-Asserted-Identity; "
            + "R2.8 the customer's answer puts the agent on the call; Hang up in the CTI API ends both legs")
    void outboundCall() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String callerId = SipAdmin.approvedCallerId(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        int customerPort = SipPeers.ports(2);
        SipAdmin.pointTrunk(trunk, SipPeers.HOST, customerPort);
        try (Baresip phone = agentPhone(agent)) {
            CtiDesk desk = new CtiDesk(agent).ready();
            var called = Sipp.scenario("uas-answer-check-caller-id").port(customerPort).start();
            desk.dial("01012345678", SipAdmin.callerIdId(agent.serviceId(), callerId));
            phone.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL", SIP);
            desk.act("hang-up");
            Sipp.Result customer = called.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(customer.passed()).as(customer.toString()).isTrue();
            String invite = customer.received().stream().filter(m -> m.startsWith("INVITE")).findFirst().orElseThrow();
            assertThat(invite).as("the dialled number, in E.164 as stored").startsWith("INVITE sip:+821012345678@");
            assertThat(header(invite, "From")).contains("sip:" + callerId + "@");
            assertThat(header(invite, "P-Asserted-Identity")).contains("sip:" + callerId + "@");
            phone.awaitEvent("CALL_CLOSED", SIP);
            desk.awaitState("AFTER_CALL_WORK", SIP);
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }

    private static String header(String message, String name) {
        return message.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in\n" + message));
    }

    @Test
    @DisplayName("R2.8 outbound to a busy customer (486): the agent's phone is hung up and the agent is back in Work, dial failed")
    void outboundBusy() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String callerId = SipAdmin.approvedCallerId(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        int customerPort = SipPeers.ports(2);
        SipAdmin.pointTrunk(trunk, SipPeers.HOST, customerPort);
        try (Baresip phone = agentPhone(agent)) {
            CtiDesk desk = new CtiDesk(agent).ready();
            var called = Sipp.scenario("uas-busy-expect-ack").port(customerPort).start();
            desk.dial("01012345679", SipAdmin.callerIdId(agent.serviceId(), callerId));
            Sipp.Result customer = called.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(customer.passed()).as(customer.toString()).isTrue();
            phone.awaitEvent("CALL_CLOSED", SIP);
            // the SIP cause reaches the widget as a pushed "dial-failed" notice; the status records why
            assertThat(desk.awaitState("WORK", SIP).path("reason").asText()).isEqualTo("dial failed");
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }

    @Test
    @DisplayName("R3.7 hold: the customer hears the service's music on hold (an uploaded tone) and no longer the agent; release: the agent's tone is back")
    void holdAndRelease() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        SipAdmin.uploadPrompt(agent.serviceId(), "hold-tone", "MUSIC", toneWav(HOLD_HZ, 4));
        SipAdmin.musicOnHold(agent.serviceId(), "hold-tone");
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01044445555")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            connect(customer, did, desk, phone, "01044445555");
            Path customerHears = lastRecording(customer);
            await("talking").atMost(SIP).pollInterval(Duration.ofMillis(500)).until(() -> Tones.blocksWith(customerHears, AGENT_HZ) >= 50);

            assertThat(desk.act("hold").path("state").asText()).isEqualTo("ON_HOLD");
            int held = Tones.length(customerHears) + 8000 / 2; // from half a second after the command
            await("2 s on hold").atMost(SIP).pollInterval(Duration.ofMillis(500)).until(() -> Tones.length(customerHears) >= held + 2 * 8000);
            assertThat(Tones.blocksWith(customerHears, AGENT_HZ, held)).as("the agent is not heard on hold").isLessThan(3);
            assertThat(Tones.blocksWith(customerHears, HOLD_HZ, held)).as("the service's music on hold is heard, not the default").isGreaterThanOrEqualTo(50);

            assertThat(desk.act("release").path("state").asText()).isEqualTo("ON_CALL");
            int released = Tones.length(customerHears);
            await("the agent is heard again").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ, released) >= 50);
            desk.act("hang-up");
            customer.awaitEvent("CALL_CLOSED", SIP);
            phone.awaitEvent("CALL_CLOSED", SIP);
        }
    }

    @Test
    @DisplayName("R2.5 a phone that rings instead of answering by itself: answering on the phone counts the same, audio flows both ways")
    void phoneAnsweredByHand() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = ringingAgentPhone(agent); Baresip customer = customer("01066667777")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            customer.dial("sip:" + did + "@" + server());
            customer.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("OFFERED", SIP);
            desk.act("answer");
            phone.awaitEvent("CALL_INCOMING", SIP);
            phone.command("accept", null);
            phone.awaitEvent("CALL_ESTABLISHED", SIP);
            Path agentHears = lastRecording(phone);
            Path customerHears = lastRecording(customer);
            await("the agent's phone hears the customer").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(agentHears, CUSTOMER_HZ) >= TWO_SECONDS);
            await("the customer hears the agent").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ) >= TWO_SECONDS);
            desk.act("hang-up");
            customer.awaitEvent("CALL_CLOSED", SIP);
            phone.awaitEvent("CALL_CLOSED", SIP);
        }
    }

    @Test
    @DisplayName("R4.1 the customer hanging up while the agent's phone rings cancels the phone (CANCEL) and ends the call")
    void customerHangsUpWhilePhoneRings() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = ringingAgentPhone(agent); Baresip customer = customer("01088889999")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            customer.dial("sip:" + did + "@" + server());
            customer.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("OFFERED", SIP);
            desk.act("answer");
            phone.awaitEvent("CALL_INCOMING", SIP);
            customer.hangUp();
            phone.awaitEvent("CALL_CLOSED", SIP);
            assertThat(phone.saw("CALL_ESTABLISHED")).as("the phone was never connected").isFalse();
            desk.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    @Test
    @DisplayName("R3.1-R3.3 consultation with a Ready agent: the customer hears music while the agents talk; connect customer bridges customer and target and hangs up the first agent")
    void consultAndTransferToReadyAgent() {
        int targetHz = 1900;
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent colleague = SipAdmin.newPhoneAgentIn(agent.serviceId());
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = agentPhone(agent); Baresip target = agentPhone(colleague, targetHz); Baresip customer = customer("01012121212")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            connect(customer, did, desk, phone, "01012121212");
            new CtiDesk(colleague).ready();
            Path customerHears = lastRecording(customer);
            Path agentHears = lastRecording(phone);

            desk.consultAgent(colleague.userId());
            target.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL_TRANSFER", SIP);
            int consulting = Tones.length(agentHears);
            int customerFrom = Tones.length(customerHears) + 4000;
            await("the agent hears the target").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(agentHears, targetHz, consulting) >= TWO_SECONDS);
            assertThat(Tones.blocksWith(customerHears, targetHz, customerFrom)).as("the customer does not hear the consultation").isLessThan(3);
            assertThat(Tones.blocksWith(customerHears, AGENT_HZ, customerFrom)).as("nor the agent").isLessThan(3);

            desk.act("connect-customer");
            phone.awaitEvent("CALL_CLOSED", SIP);
            desk.awaitState("AFTER_CALL_WORK", SIP);
            int transferred = Tones.length(customerHears);
            await("the customer hears the target").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, targetHz, transferred) >= TWO_SECONDS);
            Path targetHears = lastRecording(target);
            assertThat(Tones.blocksWith(targetHears, CUSTOMER_HZ)).as("the target hears the customer").isGreaterThanOrEqualTo(TWO_SECONDS);

            customer.hangUp();
            target.awaitEvent("CALL_CLOSED", SIP);
        }
    }

    @Test
    @DisplayName("R3.1/R3.4 consultation with a typed number goes out through the trunk; cancel ends it and leaves the agent on hold; release brings the customer back")
    void consultOutsideNumberThenCancel() {
        int outsideHz = 1900;
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01013131313");
             Baresip outside = Baresip.start("outside", "<sip:+821055550000@" + SipPeers.HOST + ">;regint=0;answermode=auto", outsideHz, true)) {
            SipAdmin.pointTrunk(trunk, SipPeers.HOST, outside.sipPort);
            CtiDesk desk = new CtiDesk(agent).ready();
            connect(customer, did, desk, phone, "01013131313");
            Path agentHears = lastRecording(phone);
            Path customerHears = lastRecording(customer);

            desk.consultNumber("010-5555-0000");
            outside.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL_TRANSFER", SIP);
            int consulting = Tones.length(agentHears);
            await("the agent hears the outside party").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(agentHears, outsideHz, consulting) >= TWO_SECONDS);

            assertThat(desk.act("cancel-consult").path("state").asText()).isEqualTo("ON_HOLD");
            outside.awaitEvent("CALL_CLOSED", SIP);
            assertThat(desk.act("release").path("state").asText()).isEqualTo("ON_CALL");
            int released = Tones.length(customerHears);
            await("the customer hears the agent again").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ, released) >= TWO_SECONDS);
            assertThat(Tones.blocksWith(customerHears, outsideHz)).as("the customer never heard the consultation").isLessThan(3);
            desk.act("hang-up");
            customer.awaitEvent("CALL_CLOSED", SIP);
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }

    @Test
    @DisplayName("R3.1-R3.3 consultation with an outside number through the trunk, then Connect customer: the customer hears the outside party, the first agent's phone is hung up and the agent is in after-call work")
    void consultOutsideNumberThenConnect() {
        int outsideHz = 1900;
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01014141414");
             Baresip outside = Baresip.start("outside", "<sip:+821055550000@" + SipPeers.HOST + ">;regint=0;answermode=auto", outsideHz, true)) {
            SipAdmin.pointTrunk(trunk, SipPeers.HOST, outside.sipPort);
            CtiDesk desk = new CtiDesk(agent).ready();
            long ticket = connect(customer, did, desk, phone, "01014141414");
            Path customerHears = lastRecording(customer);

            desk.consultNumber("010-5555-0000");
            outside.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL_TRANSFER", SIP);
            assertThat(desk.act("connect-customer").path("state").asText()).isEqualTo("AFTER_CALL_WORK");
            phone.awaitEvent("CALL_CLOSED", SIP);
            int connected = Tones.length(customerHears);
            await("the customer hears the outside party").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, outsideHz, connected) >= TWO_SECONDS);
            assertThat(Tones.blocksWith(customerHears, AGENT_HZ, connected + 50)).as("the first agent is gone").isLessThan(5);
            assertThat(desk.ticketEvents(ticket)).contains("TRANSFER_COMPLETED");
            outside.hangUp();
            customer.awaitEvent("CALL_CLOSED", SIP);
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }

    @Test
    @DisplayName("R2.6 recall with real phones: agent 1 lets the offer ring out, agent 2 is offered, answers, and the customer talks with agent 2's phone; agent 1's phone never rang")
    void recallToAnotherAgent() {
        SipAdmin.PhoneAgent first = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent second = SipAdmin.newPhoneAgentIn(first.serviceId());
        SipAdmin.recallSeconds(first.serviceId(), 5);
        String did = SipAdmin.newInboundNumber(first.serviceId());
        try (Baresip phone1 = agentPhone(first, 1100); Baresip phone2 = agentPhone(second); Baresip customer = customer("01044445555")) {
            CtiDesk desk1 = new CtiDesk(first).ready();
            CtiDesk desk2 = new CtiDesk(second).ready();
            customer.dial("sip:" + did + "@" + server());
            customer.awaitEvent("CALL_ESTABLISHED", SIP);
            desk1.awaitState("OFFERED", SIP);
            JsonNode offered = desk2.awaitState("OFFERED", Duration.ofSeconds(30));
            assertThat(desk1.view().path("reason").asText()).isEqualTo("no answer");
            JsonNode onCall = desk2.act("answer");
            assertThat(onCall.path("state").asText()).as(offered.toString()).isEqualTo("ON_CALL");
            phone2.awaitEvent("CALL_ESTABLISHED", SIP);
            Path customerHears = lastRecording(customer);
            await("the customer hears agent 2's phone").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ) >= TWO_SECONDS);
            assertThat(Tones.blocksWith(customerHears, 1100)).as("agent 1's phone is not in the call").isLessThan(5);
            assertThat(phone1.saw("CALL_INCOMING")).as("an offer does not ring the phone; only Answer does").isFalse();
            customer.hangUp();
            desk2.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    @Test
    @DisplayName("R2.6 an agent who answers without a registered phone loses nothing: the call goes back to the queue (music on), agent 1 to Work \"phone unreachable\", agent 2 gets the call and the same ticket")
    void answerWithoutPhoneRequeues() {
        SipAdmin.PhoneAgent noPhone = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent second = SipAdmin.newPhoneAgentIn(noPhone.serviceId());
        String did = SipAdmin.newInboundNumber(noPhone.serviceId());
        try (Baresip phone2 = agentPhone(second); Baresip customer = customer("01055556666")) {
            CtiDesk desk1 = new CtiDesk(noPhone).ready();
            CtiDesk desk2 = new CtiDesk(second).ready();
            customer.dial("sip:" + did + "@" + server());
            customer.awaitEvent("CALL_ESTABLISHED", SIP);
            desk1.awaitState("OFFERED", SIP);
            long ticket = desk1.act("answer").path("call").path("ticketId").asLong();
            JsonNode work = desk1.awaitState("WORK", SIP);
            assertThat(work.path("reason").asText()).isEqualTo("phone unreachable");
            desk2.awaitState("OFFERED", SIP);
            JsonNode onCall = desk2.act("answer");
            assertThat(onCall.path("call").path("ticketId").asLong()).as("the ticket follows the call").isEqualTo(ticket);
            phone2.awaitEvent("CALL_ESTABLISHED", SIP);
            Path customerHears = lastRecording(customer);
            await("the customer hears agent 2").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ) >= TWO_SECONDS);
            assertThat(desk2.ticketEvents(ticket)).contains("AGENT_PHONE_FAILED");
            customer.hangUp();
            desk2.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    @Test
    @DisplayName("R2.6 an answered call whose agent phone rings out (not picked up within the recall time) is cancelled on that phone and goes "
            + "back to the queue: the customer stays on, agent 1 goes to Work, agent 2 gets the call and the same ticket")
    void agentPhoneRingsOutRequeues() {
        SipAdmin.PhoneAgent first = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent second = SipAdmin.newPhoneAgentIn(first.serviceId());
        SipAdmin.recallSeconds(first.serviceId(), 5);
        String did = SipAdmin.newInboundNumber(first.serviceId());
        try (Baresip ringing = ringingAgentPhone(first); Baresip phone2 = agentPhone(second); Baresip customer = customer("01067676767")) {
            CtiDesk desk1 = new CtiDesk(first).ready();
            CtiDesk desk2 = new CtiDesk(second);
            desk2.act("login"); // in Work until agent 1's phone has rung out
            Path customerHears = calls(customer, did);
            desk1.awaitState("OFFERED", SIP);
            long ticket = desk1.act("answer").path("call").path("ticketId").asLong();
            ringing.awaitEvent("CALL_INCOMING", SIP);
            ringing.awaitEvent("CALL_CLOSED", SIP.plusSeconds(5)); // CANCELled after the 5 s recall time
            desk1.awaitState("WORK", SIP);
            assertThat(customer.saw("CALL_CLOSED")).as("the customer is still on the line").isFalse();

            desk2.choose("READY");
            assertThat(answer(desk2, phone2, "01067676767")).as("the ticket follows the call").isEqualTo(ticket);
            int connected = Tones.length(customerHears);
            await("the customer hears agent 2").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ, connected) >= TWO_SECONDS);
            assertThat(desk2.ticketEvents(ticket)).contains("AGENT_PHONE_FAILED");
            customer.hangUp();
            desk2.awaitState("AFTER_CALL_WORK", SIP);
        }
    }
}
