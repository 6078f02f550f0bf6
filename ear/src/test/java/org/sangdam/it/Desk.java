package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An agent at the phone widget, driving the CTI API (/api/cti/agent) as the console's buttons will. */
final class Desk {
    final Fixtures.Member agent;

    Desk(Fixtures.Member agent) {
        this.agent = agent;
    }

    long id() {
        return agent.id();
    }

    Api.Reply act(String action) {
        return agent.api().post("/cti/agent/" + action, null);
    }

    Api.Reply act(String action, Object body) {
        return agent.api().post("/cti/agent/" + action, body);
    }

    JsonNode ok(String action) {
        return ok(act(action));
    }

    JsonNode ok(Api.Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    Api.Reply choose(String status) {
        return agent.api().put("/cti/agent/status", Api.map("status", status));
    }

    JsonNode view() {
        return ok(agent.api().get("/cti/agent"));
    }

    String state() {
        return view().path("state").asText();
    }

    long callId() {
        return view().path("call").path("id").asLong();
    }

    /** CTI login, then Ready */
    Desk ready() {
        ok("login");
        ok(choose("READY"));
        return this;
    }

    /** waits (routing runs through the broker) until the agent is in {@code state} */
    JsonNode awaitState(String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(state()).isEqualTo(state));
        return view();
    }
}
