package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("R2.6 scenarios: edited through the API by system administrators, menus route to queues, the scenario may end a call")
class ScenarioIT extends SangdamIT {
    private static final String MENU = """
            {"greeting": "welcome", "menu": {"prompt": "menu", "choices": {"1": "sales", "2": "support"},
             "timeoutSeconds": 5, "attempts": 2, "fallbackQueue": "support"}, "queue": {"music": "default-moh"}}""";

    private static JsonNode parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("stored definition is not JSON: " + json, e);
        }
    }

    private static long defaultScenario(long svc) {
        return SYSADMIN.get("/services/" + svc + "/cti/scenarios").body().get(0).path("id").asLong();
    }

    @Test
    @DisplayName("R1.3 a system administrator replaces a scenario; bad definitions are refused with the field named and change nothing; others get 403/404")
    void editScenario() {
        long svc = Fixtures.newService();
        long scenario = defaultScenario(svc);
        String path = "/services/" + svc + "/cti/scenarios/" + scenario;

        Api.Reply ok = SYSADMIN.put(path, Api.map("definition", MENU));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonNode stored = parse(ok.body().path("definition").asText());
        assertThat(stored.path("menu").path("choices").path("2").asText()).isEqualTo("support");

        Api.Reply bad = SYSADMIN.put(path, Api.map("definition", "{\"menu\": {\"prompt\": \"m\", \"choices\": {\"7\": \"Sales Team\"}, \"fallbackQueue\": \"x\"}}"));
        assertThat(bad.kind()).isEqualTo("400 validation");
        assertThat(bad.body().path("field").asText()).isEqualTo("menu.choices.7");
        Api.Reply typo = SYSADMIN.put(path, Api.map("definition", "{\"greting\": \"hi\"}"));
        assertThat(typo.kind()).isEqualTo("400 validation");
        assertThat(SYSADMIN.get("/services/" + svc + "/cti/scenarios").body().get(0).path("definition").asText())
                .as("unchanged by the refusals").isEqualTo(ok.body().path("definition").asText());

        Fixtures.Member serviceAdmin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        assertThat(serviceAdmin.api().put(path, Api.map("definition", MENU)).kind()).isEqualTo("403 forbidden");
        long other = Fixtures.newService();
        assertThat(SYSADMIN.put("/services/" + other + "/cti/scenarios/" + scenario, Api.map("definition", MENU)).kind())
                .as("another service's scenario id").isEqualTo("404 not-found");
    }

    @Test
    @DisplayName("R2.6 a menu choice queues the call for that queue's agents: the support call rings the support agent, not the sales agent idle longer")
    void menuRoutesToQueue() {
        long svc = Fixtures.newService();
        assertThat(SYSADMIN.put("/services/" + svc + "/cti/scenarios/" + defaultScenario(svc), Api.map("definition", MENU)).status()).isEqualTo(200);
        String did = Fixtures.inboundNumber(svc);
        Fixtures.Member salesAgent = Fixtures.phoneAgent(svc);
        Fixtures.Member supportAgent = Fixtures.phoneAgent(svc);
        Fixtures.Member serviceAdmin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        Api.Reply q = serviceAdmin.api().put("/services/" + svc + "/users/" + salesAgent.id() + "/queues", Api.map("queues", List.of("sales")));
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        assertThat(serviceAdmin.api().put("/services/" + svc + "/users/" + supportAgent.id() + "/queues",
                Api.map("queues", List.of("support", "support"))).body().path("queues").toString()).isEqualTo("[\"support\"]");
        assertThat(serviceAdmin.api().put("/services/" + svc + "/users/" + supportAgent.id() + "/queues",
                Api.map("queues", List.of("Support Team"))).kind()).isEqualTo("400 validation");
        Desk sales = new Desk(salesAgent).ready();
        Desk support = new Desk(supportAgent).ready();

        JsonNode call = Network.customerCallsIntoScenario(did, "010-2222-3333");
        assertThat(call.path("first").asText()).as("the greeting plays first").contains("welcome");
        long id = call.path("id").asLong();
        assertThat(sales.state()).as("not offered while the scenario runs").isEqualTo("READY");
        assertThat(Network.reportStatus(id, "queue?name=support")).isEqualTo(204);
        support.awaitState("OFFERED");
        assertThat(support.callId()).isEqualTo(id);
        assertThat(sales.state()).isEqualTo("READY");

        JsonNode sec = Network.customerCallsIntoScenario(did, "010-2222-4444");
        assertThat(Network.reportStatus(sec.path("id").asLong(), "queue?name=sales")).isEqualTo(204);
        sales.awaitState("OFFERED");
    }

    @Test
    @DisplayName("R2.6 a call waiting in a queue nobody Ready answers is offered as soon as an administrator adds that queue to a Ready agent")
    void queueAddedToReadyAgentTakesWaitingCall() {
        long svc = Fixtures.newService();
        assertThat(SYSADMIN.put("/services/" + svc + "/cti/scenarios/" + defaultScenario(svc), Api.map("definition", MENU)).status()).isEqualTo(200);
        String did = Fixtures.inboundNumber(svc);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        Fixtures.Member serviceAdmin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        String queues = "/services/" + svc + "/users/" + agent.id() + "/queues";
        assertThat(serviceAdmin.api().put(queues, Api.map("queues", List.of("sales"))).status()).isEqualTo(200);
        Desk desk = new Desk(agent).ready();

        long id = Network.customerCallsIntoScenario(did, "010-2222-5555").path("id").asLong();
        assertThat(Network.reportStatus(id, "queue?name=support")).isEqualTo(204);
        assertThat(desk.state()).as("a sales agent is not offered a support call").isEqualTo("READY");

        assertThat(serviceAdmin.api().put(queues, Api.map("queues", List.of("sales", "support"))).status()).isEqualTo(200);
        desk.awaitState("OFFERED");
        assertThat(desk.callId()).isEqualTo(id);
    }

    @Test
    @DisplayName("R2.6 the scenario ends a call before any agent (out of hours, nobody free); a call already ringing an agent is not taken away")
    void scenarioEndsCall() {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        long closed = Network.customerCallsIntoScenario(did, "010-5555-0001").path("id").asLong();
        assertThat(Network.reportStatus(closed, "scenario-ended?reason=out%20of%20hours")).isEqualTo(204);
        assertThat(Network.reportStatus(closed, "queue")).as("an ended call does not queue").isEqualTo(409);

        Desk agent = new Desk(Fixtures.phoneAgent(svc)).ready();
        long ringing = Network.customerCalls(did, "010-5555-0002");
        agent.awaitState("OFFERED");
        assertThat(Network.reportStatus(ringing, "scenario-ended?reason=no%20agent")).isEqualTo(409);
        assertThat(agent.state()).isEqualTo("OFFERED");
    }
}
