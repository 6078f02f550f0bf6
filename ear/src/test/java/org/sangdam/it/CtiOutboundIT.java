package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("R2.7-R2.8 outbound calls")
class CtiOutboundIT extends SangdamIT {

    private static long approvedCallerId(long svc) {
        long id = SYSADMIN.post("/services/" + svc + "/caller-ids", Api.map("number", Fixtures.landline())).id();
        assertThat(SYSADMIN.post("/services/" + svc + "/caller-ids/" + id + "/approve", null).status()).isEqualTo(200);
        return id;
    }

    @Test
    @DisplayName("R2.8 Dial puts the agent in Dialing; when the customer answers the call connects and a ticket is created")
    void dialAndConnect() {
        long svc = Fixtures.newService();
        long callerId = approvedCallerId(svc);
        String callerNumber = SYSADMIN.get("/services/" + svc + "/caller-ids").body().get(0).path("number").asText();
        Desk desk = new Desk(Fixtures.phoneAgent(svc));
        desk.ok("login");
        assertThat(desk.agent.api().get("/cti/agent/caller-ids").body()).hasSize(1);

        JsonNode dialing = desk.ok(desk.act("dial", Api.map("number", "010-9876-5432", "callerId", callerId)));
        assertThat(dialing.path("state").asText()).isEqualTo("DIALING");
        long call = dialing.path("call").path("id").asLong();
        assertThat(dialing.path("call").path("direction").asText()).isEqualTo("OUTBOUND");
        String agentNumber = SYSADMIN.get("/services/" + svc + "/users/" + desk.id()).body().path("ctiNumber").asText();
        assertThat(Network.commands()).contains("dial " + call + " " + agentNumber + " +821098765432 " + callerNumber);

        Network.report(call, "customer-answered");
        JsonNode onCall = desk.view();
        assertThat(onCall.path("state").asText()).isEqualTo("ON_CALL");
        long ticket = onCall.path("call").path("ticketId").asLong();
        JsonNode t = desk.agent.api().get("/tickets/" + ticket).body();
        assertThat(t.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(t.path("customerNumber").asText()).isEqualTo("+821098765432");
        assertThat(desk.ok("hang-up").path("state").asText()).isEqualTo("AFTER_CALL_WORK");
    }

    @Test
    @DisplayName("R2.7 a failed dial (busy) is reported and the agent is back in Work; hanging up while dialing does the same")
    void dialFails() {
        long svc = Fixtures.newService();
        long callerId = approvedCallerId(svc);
        Desk desk = new Desk(Fixtures.phoneAgent(svc));
        desk.ok("login");
        long call = desk.ok(desk.act("dial", Api.map("number", "02-333-4444", "callerId", callerId))).path("call").path("id").asLong();
        Network.report(call, "dial-failed?cause=486%20Busy%20Here");
        JsonNode after = desk.view();
        assertThat(after.path("state").asText()).isEqualTo("WORK");
        assertThat(after.path("reason").asText()).isEqualTo("dial failed");

        long second = desk.ok(desk.act("dial", Api.map("number", "02-333-4444", "callerId", callerId))).path("call").path("id").asLong();
        assertThat(desk.ok("hang-up").path("state").asText()).isEqualTo("WORK");
        assertThat(Network.commands()).contains("hang-up " + second);
    }

    @Test
    @DisplayName("R2.7/R1.1/R1.5 Dial is refused without CTI login, without CTI outbound, with a pending, foreign or unknown caller ID, or a malformed number, and nothing changes")
    void preconditions() {
        long svc = Fixtures.newService();
        long other = Fixtures.newService();
        long approved = approvedCallerId(svc);
        long pending = SYSADMIN.post("/services/" + svc + "/caller-ids", Api.map("number", Fixtures.landline())).id();
        long foreign = approvedCallerId(other);
        Desk desk = new Desk(Fixtures.phoneAgent(svc));

        assertThat(desk.act("dial", Api.map("number", "010-1234-5678", "callerId", approved)).kind()).as("not logged in").isEqualTo("409 conflict");
        desk.ok("login");
        Api.Reply pend = desk.act("dial", Api.map("number", "010-1234-5678", "callerId", pending));
        assertThat(pend.kind()).as("pending caller ID").isEqualTo("409 conflict");
        assertThat(pend.field()).isEqualTo("callerId");
        Api.Reply alien = desk.act("dial", Api.map("number", "010-1234-5678", "callerId", foreign));
        assertThat(alien.kind()).as("another service's caller ID").isEqualTo("400 validation");
        assertThat(desk.act("dial", Api.map("number", "010-1234-5678")).field()).as("no caller ID").isEqualTo("callerId");
        Api.Reply bad = desk.act("dial", Api.map("number", "call-me", "callerId", approved));
        assertThat(bad.kind()).isEqualTo("400 validation");
        assertThat(bad.field()).isEqualTo("number");
        assertThat(desk.agent.api().get("/cti/agent/caller-ids").body()).as("only approved ones are offered").hasSize(1);

        SYSADMIN.put("/services/" + svc + "/contract", Api.map("ctiInbound", true, "ctiOutbound", false));
        Api.Reply noOutbound = desk.act("dial", Api.map("number", "010-1234-5678", "callerId", approved));
        assertThat(noOutbound.kind()).as("no CTI outbound").isEqualTo("409 conflict");
        assertThat(noOutbound.body().path("message").asText()).contains("outbound");

        JsonNode after = desk.view();
        assertThat(after.path("state").asText()).isEqualTo("WORK");
        assertThat(after.path("call").isMissingNode() || after.path("call").isNull()).isTrue();
    }
}
