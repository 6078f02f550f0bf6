package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 item 2, trunks with digest credentials. Inbound: SIPp as a carrier
 * sending from 127.0.0.2, an address no trunk lists, is challenged (407) and gets
 * its call in only with its trunk's username and password, and only for that
 * trunk's number; with a wrong password it gets 403 and no call. Outbound: SIPp
 * behind the demo trunk challenges our INVITE; the server answers once with the
 * trunk's credentials (SIPp checks the digest of a 401's answer), and a second
 * challenge (407 twice) is the agent's failed dial.
 */
@DisplayName("Issue 5 trunks with digest credentials: challenged inbound INVITEs, answered outbound challenges")
class TrunkDigestIT extends SipIT {
    private static final Duration SIP = Duration.ofSeconds(15);
    private static final String STRANGER = "127.0.0.2";

    @Test
    @DisplayName("R2.4 an INVITE from an unlisted address is challenged (407); with the trunk's credentials it becomes a call "
            + "offered to the Ready agent; with a wrong password it gets 403 and nothing is offered")
    void inboundWithCredentials() throws Exception {
        String user = "carrier-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        JsonNode trunk = SipAdmin.trunkWithCredentials(user, password);
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        JsonNode did = SipAdmin.newInboundNumberOn(agent.serviceId(), trunk.path("id").asLong());
        String number = did.path("number").asText();
        try {
            CtiDesk desk = new CtiDesk(agent).ready();

            Sipp.Result wrong = Sipp.scenario("uac-invite-from-unknown-source-expect-403").as(number).from(STRANGER)
                    .credentials(user, "not-" + password).run();
            assertThat(wrong.passed()).as(wrong.toString()).isTrue();
            assertThat(wrong.received()).as("challenged first, then refused")
                    .anySatisfy(m -> assertThat(m).startsWith("SIP/2.0 407"))
                    .anySatisfy(m -> assertThat(m).startsWith("SIP/2.0 403"));
            assertThat(desk.state()).as("no call was created").isEqualTo("READY");

            var carrier = Sipp.scenario("uac-invite-with-trunk-credentials-expect-200").as(number).from(STRANGER)
                    .credentials(user, password).start();
            JsonNode offered = desk.awaitState("OFFERED", SIP);
            assertThat(offered.path("call").path("customerNumber").asText()).isEqualTo("01044445555");
            Sipp.Result call = carrier.get(60, TimeUnit.SECONDS);
            assertThat(call.passed()).as(call.toString()).isTrue();
            String challenge = call.received().stream().filter(m -> m.startsWith("SIP/2.0 407")).findFirst().orElseThrow();
            assertThat(challenge).containsIgnoringCase("Proxy-Authenticate: Digest").containsPattern("qop=\"?auth");
        } finally {
            SipAdmin.deleteInboundNumber(did.path("id").asLong());
            SipAdmin.deleteTrunk(trunk.path("id").asLong());
        }
    }

    @Test
    @DisplayName("R2.7 the carrier's 401 to our INVITE is answered once with the trunk's credentials and the call connects; "
            + "Hang up in the CTI API ends it")
    void outboundAnswersTheChallenge() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String callerId = SipAdmin.approvedCallerId(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        int customerPort = SipPeers.ports(2);
        String user = "sangdam-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        SipAdmin.trunkCredentials(trunk, SipPeers.HOST, customerPort, user, password);
        try (Baresip phone = SipCalls.agentPhone(agent)) {
            CtiDesk desk = new CtiDesk(agent).ready();
            var called = Sipp.scenario("uas-challenge-then-answer").port(customerPort)
                    .key("trunk_user", user).key("trunk_pass", password).start();
            desk.dial("01012345670", SipAdmin.callerIdId(agent.serviceId(), callerId));
            phone.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL", SIP);
            desk.act("hang-up");
            Sipp.Result customer = called.get(30, TimeUnit.SECONDS);
            assertThat(customer.passed()).as(customer.toString()).isTrue();
            String second = customer.received().stream().filter(m -> m.startsWith("INVITE")).skip(1).findFirst().orElseThrow();
            assertThat(second).contains("Authorization: Digest").contains("username=\"" + user + "\"").doesNotContain(password);
            phone.awaitEvent("CALL_CLOSED", SIP);
            desk.awaitState("AFTER_CALL_WORK", SIP);
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }

    @Test
    @DisplayName("R2.8 a carrier that challenges the answered challenge again: no third INVITE, the agent's dial fails with the cause")
    void outboundSecondChallengeFails() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String callerId = SipAdmin.approvedCallerId(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        int customerPort = SipPeers.ports(2);
        SipAdmin.trunkCredentials(trunk, SipPeers.HOST, customerPort, "sangdam", UUID.randomUUID().toString());
        try (Baresip phone = SipCalls.agentPhone(agent)) {
            CtiDesk desk = new CtiDesk(agent).ready();
            var called = Sipp.scenario("uas-challenge-twice-expect-ack").port(customerPort).start();
            desk.dial("01012345671", SipAdmin.callerIdId(agent.serviceId(), callerId));
            Sipp.Result customer = called.get(30, TimeUnit.SECONDS);
            assertThat(customer.passed()).as(customer.toString()).isTrue();
            phone.awaitEvent("CALL_CLOSED", SIP);
            assertThat(desk.awaitState("WORK", SIP).path("reason").asText()).isEqualTo("dial failed");
            assertThat(customer.received().stream().filter(m -> m.startsWith("INVITE")).count()).isEqualTo(2);
            String second = customer.received().stream().filter(m -> m.startsWith("INVITE")).skip(1).findFirst().orElseThrow();
            assertThat(second).as("a 407 is answered with Proxy-Authorization").contains("Proxy-Authorization: Digest").contains("username=\"sangdam\"");
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }
}
