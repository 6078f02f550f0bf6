package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("Demo data")
class DemoDataIT extends SangdamIT {

    @Test
    @DisplayName("R1 the demo service has CTI on, three phone agents 1001-1003, an approved and a pending caller ID and a routed DID")
    void demoHelpdesk() {
        Api manager = Api.as("manager", Fixtures.DEMO_PASSWORD);
        JsonNode services = manager.get("/services").body();
        assertThat(services).hasSize(1);
        JsonNode demo = services.get(0);
        assertThat(demo.path("name").asText()).isEqualTo("Demo Helpdesk");
        assertThat(demo.path("ctiInbound").asBoolean()).isTrue();
        assertThat(demo.path("ctiOutbound").asBoolean()).isTrue();
        long id = demo.path("id").asLong();

        List<String> numbers = new ArrayList<>();
        for (JsonNode u : manager.get("/services/" + id + "/users").body()) {
            if (u.path("phonePermission").asBoolean()) {
                numbers.add(u.path("ctiNumber").asText());
            }
        }
        assertThat(numbers).containsExactlyInAnyOrder("1001", "1002", "1003");

        List<String> statuses = new ArrayList<>();
        manager.get("/services/" + id + "/caller-ids").body().forEach(c -> statuses.add(c.path("status").asText()));
        assertThat(statuses).contains("APPROVED", "PENDING");
        assertThat(manager.get("/services/" + id + "/cti/inbound-numbers").body().get(0).path("display").asText()).isEqualTo("02-555-0100");
        assertThat(SYSADMIN.get("/me").status()).isEqualTo(200);
        assertThat(Api.as("agent1", Fixtures.DEMO_PASSWORD).get("/me").body().path("ctiNumber").asText()).isEqualTo("1001");
    }
}
