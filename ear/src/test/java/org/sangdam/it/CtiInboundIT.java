package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("R2 inbound calls: CTI login, statuses, routing through the broker, answer, recall")
class CtiInboundIT extends SangdamIT {

    @Test
    @DisplayName("R2.2 CTI login enters the configured default status; R2.3 Work, Ready and Break are chosen; repeats and unknown statuses are refused")
    void loginAndStatuses() {
        long svc = Fixtures.newService();
        Desk desk = new Desk(Fixtures.phoneAgent(svc));
        assertThat(desk.state()).isEqualTo("LOGGED_OUT");
        assertThat(desk.choose("READY").kind()).as("before login").isEqualTo("409 conflict");

        JsonNode in = desk.ok("login");
        assertThat(in.path("state").asText()).as("default after login (R1.3)").isEqualTo("WORK");
        JsonNode brk = desk.ok(desk.agent.api().put("/cti/agent/status", Api.map("status", "BREAK", "reason", "점심")));
        assertThat(brk.path("state").asText()).isEqualTo("BREAK");
        assertThat(brk.path("reason").asText()).isEqualTo("점심");
        assertThat(desk.ok(desk.choose("READY")).path("state").asText()).isEqualTo("READY");
        assertThat(desk.choose("READY").kind()).as("already Ready").isEqualTo("409 conflict");
        assertThat(desk.choose("ON_CALL").kind()).isEqualTo("400 validation");
        assertThat(desk.state()).isEqualTo("READY");
        assertThat(desk.ok("logout").path("state").asText()).isEqualTo("LOGGED_OUT");

        Fixtures.recallSeconds(svc, 15);
        SYSADMIN.put("/services/" + svc + "/cti/settings", Api.map("recallSeconds", 15, "initialStatus", "READY"));
        assertThat(desk.ok("login").path("state").asText()).as("the configured default").isEqualTo("READY");
    }

    @Test
    @DisplayName("R1.2/R1.4 an agent without phone permission or without a CTI identity cannot CTI-login")
    void loginPreconditions() {
        long svc = Fixtures.newService();
        Fixtures.Member noPhone = Fixtures.newUser(svc, "AGENT", false);
        assertThat(noPhone.api().post("/cti/agent/login", null).kind()).isEqualTo("403 forbidden");
        Fixtures.Member noIdentity = Fixtures.newUser(svc, "AGENT", true);
        Api.Reply r = noIdentity.api().post("/cti/agent/login", null);
        assertThat(r.kind()).isEqualTo("409 conflict");
        assertThat(r.body().path("message").asText()).contains("CTI");
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        assertThat(admin.api().post("/cti/agent/login", null).kind()).isEqualTo("403 forbidden");
    }

    @Test
    @DisplayName("R2.4 a call is offered through the routing MDB to the longest-idle Ready agent only; R2.5 Answer connects it and creates the ticket")
    void routeAnswerTicket() {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Desk longest = new Desk(Fixtures.phoneAgent(svc)).ready();
        Desk later = new Desk(Fixtures.phoneAgent(svc)).ready();
        Desk onBreak = new Desk(Fixtures.phoneAgent(svc));
        onBreak.ok("login");
        onBreak.ok(onBreak.choose("BREAK"));

        long call = Network.customerCalls(did, "010-2222-3333");
        JsonNode offered = longest.awaitState("OFFERED");
        assertThat(offered.path("call").path("id").asLong()).isEqualTo(call);
        assertThat(offered.path("call").path("customerNumber").asText()).isEqualTo("010-2222-3333");
        assertThat(offered.path("allowed").toString()).contains("ANSWERED");
        assertThat(later.state()).isEqualTo("READY");
        assertThat(onBreak.state()).isEqualTo("BREAK");
        assertThat(later.act("answer").kind()).as("not offered to them").isEqualTo("409 conflict");

        JsonNode onCall = longest.ok("answer");
        assertThat(onCall.path("state").asText()).isEqualTo("ON_CALL");
        long ticket = onCall.path("call").path("ticketId").asLong();
        assertThat(ticket).isPositive();
        String agentNumber = SYSADMIN.get("/services/" + svc + "/users/" + longest.id()).body().path("ctiNumber").asText();
        assertThat(Network.commands()).contains("offer " + call + " " + agentNumber, "connect " + call + " " + agentNumber);

        JsonNode t = longest.agent.api().get("/tickets/" + ticket).body();
        assertThat(t.path("customerNumber").asText()).isEqualTo("010-2222-3333");
        assertThat(t.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(t.path("agentId").asLong()).isEqualTo(longest.id());
        assertThat(t.path("callId").asLong()).isEqualTo(call);
        assertThat(t.path("status").asText()).isEqualTo("NEW");
        Fixtures.Member stranger = Fixtures.newUser(Fixtures.newService(), "AGENT", true);
        assertThat(stranger.api().get("/tickets/" + ticket).kind()).as("another service's ticket").isEqualTo("404 not-found");
    }

    @Test
    @DisplayName("R2.6 an unanswered offer is recalled after the recall time (real timer) and offered to another Ready agent, never to two at once")
    void recall() {
        long svc = Fixtures.newService();
        Fixtures.recallSeconds(svc, 5);
        String did = Fixtures.inboundNumber(svc);
        Desk first = new Desk(Fixtures.phoneAgent(svc)).ready();
        Desk second = new Desk(Fixtures.phoneAgent(svc)).ready();

        long call = Network.customerCalls(did, "02-777-8888");
        first.awaitState("OFFERED");
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            // second before first: once recalled, the first agent stays in Work, so seeing the first
            // still offered after the second was offered means both held the call at once
            String b = second.state();
            String a = first.state();
            seen.add(a + "/" + b);
            assertThat(a + "/" + b).as("never offered to both").isNotEqualTo("OFFERED/OFFERED");
            assertThat(b).isEqualTo("OFFERED");
        });
        // answer first: the second offer has its own 5 s recall, and a loaded machine is slow
        assertThat(second.ok("answer").path("state").asText()).isEqualTo("ON_CALL");
        assertThat(second.callId()).isEqualTo(call);
        JsonNode missed = first.view();
        assertThat(missed.path("state").asText()).isEqualTo("WORK");
        assertThat(missed.path("reason").asText()).isEqualTo("no answer");
        assertThat(first.act("answer").kind()).as("the recalled offer is gone").isEqualTo("409 conflict");
        assertThat(seen).doesNotContain("OFFERED/OFFERED");
    }

    @Test
    @DisplayName("R4.1 when the call ends the agent is in Work (ticket processing); R4.2 no call is offered then; R4.3 Ready takes calls again")
    void afterCallWork() {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Desk desk = new Desk(Fixtures.phoneAgent(svc)).ready();
        Network.customerCalls(did, "010-1111-2222");
        desk.awaitState("OFFERED");
        desk.ok("answer");
        JsonNode acw = desk.ok("hang-up");
        assertThat(acw.path("state").asText()).isEqualTo("AFTER_CALL_WORK");

        long next = Network.customerCalls(did, "010-3333-4444");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> desk.state().equals("AFTER_CALL_WORK"));
        desk.ok(desk.choose("READY"));
        JsonNode offered = desk.awaitState("OFFERED");
        assertThat(offered.path("call").path("id").asLong()).isEqualTo(next);
    }

    @Test
    @DisplayName("R2.4 a customer who hangs up while ringing frees the agent; calls to unknown numbers or services without CTI inbound are refused")
    void abandonAndRefusals() {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Desk desk = new Desk(Fixtures.phoneAgent(svc)).ready();
        long call = Network.customerCalls(did, "010-5555-6666");
        desk.awaitState("OFFERED");
        Network.report(call, "customer-hung-up");
        assertThat(desk.state()).isEqualTo("READY");
        assertThat(desk.view().path("call").isMissingNode() || desk.view().path("call").isNull()).isTrue();

        assertThat(Network.customerCallsStatus("02-999-0000", "010-1")).as("unknown number").isEqualTo(404);
        SYSADMIN.put("/services/" + svc + "/contract", Api.map("ctiInbound", false, "ctiOutbound", true));
        assertThat(Network.customerCallsStatus(did, "010-5555-6666")).as("no CTI inbound (R1.1)").isEqualTo(409);
    }
}
