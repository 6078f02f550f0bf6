package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R3 during a call: hold, consultation and transfer, abusive-call termination")
class CtiInCallIT extends SangdamIT {

    /** an agent of a new service on an answered inbound call */
    private static Desk onCall(long svc) {
        String did = Fixtures.inboundNumber(svc);
        Desk desk = new Desk(Fixtures.phoneAgent(svc)).ready();
        Network.customerCalls(did, "010-4444-5555");
        desk.awaitState("OFFERED");
        assertThat(desk.ok("answer").path("state").asText()).isEqualTo("ON_CALL");
        return desk;
    }

    private static List<String> ticketKinds(Desk desk) {
        long ticket = desk.view().path("call").path("ticketId").asLong();
        List<String> kinds = new ArrayList<>();
        desk.agent.api().get("/tickets/" + ticket).body().path("events").forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }

    @Test
    @DisplayName("R3.7 Hold puts the agent On hold with music for the customer; Release resumes; both are on the ticket")
    void holdRelease() {
        Desk desk = onCall(Fixtures.newService());
        long call = desk.callId();
        assertThat(desk.ok("hold").path("state").asText()).isEqualTo("ON_HOLD");
        assertThat(desk.act("hold").kind()).as("already on hold").isEqualTo("409 conflict");
        assertThat(desk.ok("release").path("state").asText()).isEqualTo("ON_CALL");
        assertThat(Network.commands()).contains("hold " + call, "release " + call);
        assertThat(ticketKinds(desk)).contains("HELD", "RELEASED");
    }

    @Test
    @DisplayName("R3.1-R3.5 consult a typed number; on connect the agent is On call (transfer); Cancel leaves On hold; Release returns to the customer")
    void consultCancelRelease() {
        Desk desk = onCall(Fixtures.newService());
        long call = desk.callId();
        JsonNode consulting = desk.ok(desk.act("consult", Api.map("number", "02-555-0199")));
        assertThat(consulting.path("state").asText()).isEqualTo("ON_HOLD");
        assertThat(Network.commands()).contains("consult " + call + " +8225550199");
        Network.report(call, "consult-connected");
        JsonNode transfer = desk.view();
        assertThat(transfer.path("state").asText()).isEqualTo("ON_CALL_TRANSFER");
        assertThat(transfer.path("allowed").toString()).contains("TRANSFER_COMPLETED", "CONSULT_CANCELLED");

        assertThat(desk.ok("cancel-consult").path("state").asText()).isEqualTo("ON_HOLD");
        assertThat(desk.ok("release").path("state").asText()).isEqualTo("ON_CALL");
        assertThat(Network.commands()).contains("cancel-consult " + call);
    }

    @Test
    @DisplayName("R3.1/R3.3 consult a frequently used number, then Connect customer completes the transfer and the agent goes to ticket work")
    void transferToFavourite() {
        long svc = Fixtures.newService();
        Desk desk = onCall(svc);
        long call = desk.callId();
        long fav = desk.agent.api().post("/services/" + svc + "/transfer-numbers", Api.map("label", "결제팀", "number", "1588-5678")).id();
        desk.ok(desk.act("consult", Api.map("transferNumberId", fav)));
        assertThat(Network.commands()).contains("consult " + call + " +8215885678");
        assertThat(desk.act("connect-customer").kind()).as("not connected yet").isEqualTo("409 conflict");
        Network.report(call, "consult-connected");
        List<String> kinds = ticketKinds(desk);
        assertThat(desk.ok("connect-customer").path("state").asText()).isEqualTo("AFTER_CALL_WORK");
        assertThat(Network.commands()).contains("transfer " + call);
        assertThat(kinds).contains("CONSULT_STARTED", "CONSULT_CONNECTED");
    }

    @Test
    @DisplayName("R3.1 consult a Ready agent of the service; a busy target returns the agent On hold with the reason")
    void consultReadyAgentFails() {
        long svc = Fixtures.newService();
        Desk desk = onCall(svc);
        Desk colleague = new Desk(Fixtures.phoneAgent(svc)).ready();
        JsonNode ready = desk.agent.api().get("/cti/agent/ready-agents").body();
        assertThat(ready).hasSize(1);
        assertThat(ready.get(0).path("userId").asLong()).isEqualTo(colleague.id());
        long call = desk.callId();
        desk.ok(desk.act("consult", Api.map("agentId", colleague.id())));
        assertThat(Network.commands()).contains("consult " + call + " " + ready.get(0).path("ctiNumber").asText());
        assertThat(colleague.state()).as("issue 7: rung for the consultation, so offered nothing else").isEqualTo("OFFERED");
        Network.report(call, "consult-failed?cause=486%20Busy%20Here");
        assertThat(desk.state()).isEqualTo("ON_HOLD");
        assertThat(colleague.state()).as("issue 7: back to Ready").isEqualTo("READY");
        assertThat(desk.act("consult", Api.map("number", "02-555-0199", "agentId", colleague.id())).kind()).as("two targets").isEqualTo("400 validation");
    }

    @Test
    @DisplayName("R3.6 abusive-call termination plays the announcement, ends the call, sends the agent to ticket work and is recorded on the ticket")
    void abusiveTermination() {
        long svc = Fixtures.newService();
        Fixtures.prompt(svc, "abusive-ko", "ANNOUNCEMENT");
        Fixtures.SYSADMIN.put("/services/" + svc + "/cti/settings", Api.map("recallSeconds", 15, "initialStatus", "WORK",
                "announcementPrompt", "abusive-ko", "abusiveText", "폭언으로 통화를 종료합니다."));
        Desk desk = onCall(svc);
        long call = desk.callId();
        long ticket = desk.view().path("call").path("ticketId").asLong();
        assertThat(desk.ok("abusive-termination").path("state").asText()).isEqualTo("AFTER_CALL_WORK");
        assertThat(Network.commands()).contains("play-and-hang-up " + call + " abusive-ko");
        JsonNode events = desk.agent.api().get("/tickets/" + ticket).body().path("events");
        boolean recorded = false;
        for (JsonNode e : events) {
            if (e.path("kind").asText().equals("ABUSIVE_TERMINATION")) {
                recorded = true;
                assertThat(e.path("actor").asText()).isEqualTo(desk.agent.username());
                assertThat(e.path("detail").asText()).isEqualTo("폭언으로 통화를 종료합니다.");
                assertThat(e.path("at").asText()).isNotBlank();
            }
        }
        assertThat(recorded).as("ticket records the termination: " + events).isTrue();
    }

    @Test
    @DisplayName("R4.1 the customer hanging up (on hold too) sends the agent to Work (ticket processing)")
    void customerHangsUpOnHold() {
        Desk desk = onCall(Fixtures.newService());
        desk.ok("hold");
        Network.report(desk.callId(), "customer-hung-up");
        assertThat(desk.state()).isEqualTo("AFTER_CALL_WORK");
        assertThat(desk.act("release").kind()).isEqualTo("409 conflict");
    }
}
