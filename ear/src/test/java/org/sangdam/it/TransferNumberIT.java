package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R1.6 frequently used transfer numbers")
class TransferNumberIT extends SangdamIT {

    @Test
    @DisplayName("R1.6 an agent adds, lists and removes the service's frequently used transfer numbers (outside numbers and extensions)")
    void agentEditsList() {
        long svc = Fixtures.newService();
        Fixtures.Member agent = Fixtures.newUser(svc, "AGENT", true);
        Fixtures.Member colleague = Fixtures.newUser(svc, "AGENT", true);
        String base = "/services/" + svc + "/transfer-numbers";

        Api.Reply billing = agent.api().post(base, Api.map("label", "결제팀", "number", "1588-5678"));
        assertThat(billing.status()).as(billing.toString()).isEqualTo(201);
        assertThat(billing.body().path("number").asText()).isEqualTo("+8215885678");
        assertThat(billing.body().path("display").asText()).isEqualTo("1588-5678");
        Api.Reply ext = agent.api().post(base, Api.map("label", "기술지원 (Tech)", "number", "2001"));
        assertThat(ext.status()).as(ext.toString()).isEqualTo(201);
        assertThat(ext.body().path("number").asText()).isEqualTo("2001");

        assertThat(colleague.api().get(base).body()).as("shared by the service").hasSize(2);
        assertThat(colleague.api().delete(base + "/" + billing.id()).status()).isEqualTo(204);
        assertThat(agent.api().get(base).body()).hasSize(1);
    }

    @Test
    @DisplayName("R1.6 duplicates, bad numbers and another service's list are refused")
    void refused() {
        long a = Fixtures.newService();
        long b = Fixtures.newService();
        Fixtures.Member agentA = Fixtures.newUser(a, "AGENT", true);
        Fixtures.Member agentB = Fixtures.newUser(b, "AGENT", true);
        String baseA = "/services/" + a + "/transfer-numbers";
        long id = agentA.api().post(baseA, Api.map("label", "Sales", "number", "02-555-0123")).id();

        Api.Reply dup = agentA.api().post(baseA, Api.map("label", "Sales again", "number", "+82 2 555 0123"));
        assertThat(dup.status()).isEqualTo(409);
        Api.Reply bad = agentA.api().post(baseA, Api.map("label", "Bad", "number", "call me"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).isEqualTo("number");
        Api.Reply noLabel = agentA.api().post(baseA, Api.map("number", "02-555-0124"));
        assertThat(noLabel.field()).isEqualTo("label");

        assertThat(agentB.api().get(baseA).kind()).isEqualTo("404 not-found");
        assertThat(agentB.api().post(baseA, Api.map("label", "x", "number", "02-555-0125")).kind()).isEqualTo("404 not-found");
        assertThat(agentB.api().delete("/services/" + b + "/transfer-numbers/" + id).kind()).isEqualTo("404 not-found");
        assertThat(agentA.api().get(baseA).body()).hasSize(1);
    }
}
