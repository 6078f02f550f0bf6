package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.sip.SipCalls.SIP;
import static org.sangdam.it.sip.SipCalls.agentPhone;

/**
 * Issue 5 item 6, CANCEL before answer with a scripted peer: the server's own CANCEL of
 * an outbound call whose customer's phone rings, checked message by message by SIPp
 * (CANCEL, its 200, the INVITE's 487 and our ACK). The customer's CANCEL crossing our
 * answer is covered in SipServerTest with the real stack: the server answers a
 * customer into queue music at once, so a trunk-side CANCEL races the 200 by design.
 */
@DisplayName("Issue 5 CANCEL before answer: the agent gives up an outbound call while the customer's phone rings")
class CancelBeforeAnswerIT extends SipIT {
    @Test
    @DisplayName("R2.8, R4.1 Hang up while dialling: the ringing customer leg is CANCELled (200, 487, ACK), the agent's phone "
            + "is hung up and the agent is back in Work")
    void agentHangsUpWhileTheCustomerRings() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String callerId = SipAdmin.approvedCallerId(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        int customerPort = SipPeers.ports(2);
        SipAdmin.pointTrunk(trunk, SipPeers.HOST, customerPort);
        try (Baresip phone = agentPhone(agent)) {
            CtiDesk desk = new CtiDesk(agent).ready();
            Sipp called = Sipp.scenario("uas-ring-expect-cancel").port(customerPort);
            var ringing = called.start();
            desk.dial("01012345670", SipAdmin.callerIdId(agent.serviceId(), callerId));
            phone.awaitEvent("CALL_ESTABLISHED", SIP); // the agent's leg first (R2.8), then the customer's
            org.awaitility.Awaitility.await("the customer's phone rings").atMost(SIP)
                    .until(() -> called.hasTraced("INVITE sip:") && called.hasTraced("SIP/2.0 180"));
            assertThat(desk.state()).isEqualTo("DIALING");
            desk.act("hang-up");

            Sipp.Result customer = ringing.get(30, TimeUnit.SECONDS);
            assertThat(customer.passed()).as(customer.toString()).isTrue();
            phone.awaitEvent("CALL_CLOSED", SIP);
            assertThat(desk.awaitState("WORK", SIP).path("reason").asText()).isEqualTo("dial failed");
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }
}
