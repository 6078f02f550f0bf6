package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("R1.1 services and their contract")
class TenantContractIT extends SangdamIT {

    @Test
    @DisplayName("R1.1 a system administrator creates a service and switches CTI inbound and outbound in its contract")
    void createAndSwitch() {
        String name = Fixtures.unique("Acme 고객센터");
        Api.Reply created = SYSADMIN.post("/services", Api.map("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("ctiInbound").asBoolean()).as("switches default to off").isFalse();
        assertThat(created.body().path("ctiOutbound").asBoolean()).isFalse();
        long id = created.id();

        Api.Reply on = SYSADMIN.put("/services/" + id + "/contract", Api.map("ctiInbound", true, "ctiOutbound", false));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        Api.Reply read = SYSADMIN.get("/services/" + id);
        assertThat(read.body().path("name").asText()).isEqualTo(name);
        assertThat(read.body().path("ctiInbound").asBoolean()).isTrue();
        assertThat(read.body().path("ctiOutbound").asBoolean()).isFalse();

        // a new service comes with default CTI settings and a default scenario
        assertThat(SYSADMIN.get("/services/" + id + "/cti/settings").body().path("recallSeconds").asInt()).isEqualTo(15);
        assertThat(SYSADMIN.get("/services/" + id + "/cti/scenarios").body()).hasSize(1);
    }

    @Test
    @DisplayName("R1.1 a duplicate or blank service name is refused and nothing is created")
    void badNames() {
        long id = Fixtures.newService();
        String name = SYSADMIN.get("/services/" + id).body().path("name").asText();
        int before = SYSADMIN.get("/services").body().size();

        Api.Reply dup = SYSADMIN.post("/services", Api.map("name", name));
        assertThat(dup.status()).as(dup.toString()).isEqualTo(409);
        assertThat(dup.field()).isEqualTo("name");
        Api.Reply blank = SYSADMIN.post("/services", Api.map("name", "  "));
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.field()).isEqualTo("name");
        Api.Reply partial = SYSADMIN.put("/services/" + id + "/contract", Api.map("ctiInbound", true));
        assertThat(partial.status()).as(partial.toString()).isEqualTo(400);
        assertThat(partial.field()).isEqualTo("ctiOutbound");

        assertThat(SYSADMIN.get("/services").body().size()).isEqualTo(before);
    }

    @Test
    @DisplayName("R1.1 only a system administrator changes contracts; a service administrator sees only their own service")
    void onlySystemAdminChangesContracts() {
        long a = Fixtures.newService();
        long b = Fixtures.newService();
        Fixtures.Member adminA = Fixtures.newUser(a, "SERVICE_ADMIN", false);

        Api.Reply change = adminA.api().put("/services/" + a + "/contract", Api.map("ctiInbound", false, "ctiOutbound", false));
        assertThat(change.kind()).as(change.toString()).isEqualTo("403 forbidden");
        assertThat(SYSADMIN.get("/services/" + a).body().path("ctiInbound").asBoolean()).as("unchanged").isTrue();
        assertThat(adminA.api().post("/services", Api.map("name", Fixtures.unique("x"))).kind()).isEqualTo("403 forbidden");

        Api.Reply list = adminA.api().get("/services");
        assertThat(list.body()).hasSize(1);
        assertThat(list.body().get(0).path("id").asLong()).isEqualTo(a);
        assertThat(adminA.api().get("/services/" + b).kind()).as("another service does not exist for them").isEqualTo("404 not-found");
        assertThat(adminA.api().put("/services/" + b + "/contract", Api.map("ctiInbound", false, "ctiOutbound", false)).kind()).isEqualTo("404 not-found");
    }
}
