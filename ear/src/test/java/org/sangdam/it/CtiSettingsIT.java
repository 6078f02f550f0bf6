package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("R1.3 CTI settings: trunks, inbound numbers, per-service parameters")
class CtiSettingsIT extends SangdamIT {

    private static Api.Reply newTrunk(String name, Object sources) {
        return SYSADMIN.post("/cti/trunks", Api.map("name", name, "host", "127.0.0.1", "port", 5070,
                "allowedSources", sources, "authUsername", "carrier", "authPassword", "carrier-pass"));
    }

    @Test
    @DisplayName("R1.3 a system administrator adds a SIP trunk; its carrier password is never shown back")
    void trunk() {
        String name = Fixtures.unique("trunk");
        Api.Reply t = newTrunk(name, List.of("127.0.0.1", "10.0.0.0/8", "::1"));
        assertThat(t.status()).as(t.toString()).isEqualTo(201);
        assertThat(t.body().path("transport").asText()).isEqualTo("UDP");
        assertThat(t.body().path("hasPassword").asBoolean()).isTrue();
        assertThat(t.text()).doesNotContain("carrier-pass");
        assertThat(SYSADMIN.get("/cti/trunks").text()).contains(name).doesNotContain("carrier-pass");

        Api.Reply changed = SYSADMIN.put("/cti/trunks/" + t.id(), Api.map("name", name, "host", "sip.carrier.example", "port", 5080,
                "transport", "tcp", "allowedSources", List.of("192.0.2.0/24")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().path("transport").asText()).isEqualTo("TCP");
        assertThat(changed.body().path("hasPassword").asBoolean()).isFalse();

        // issue 5: the password is write-only; a change that names the same user without retyping it keeps it
        Api.Reply withCredentials = SYSADMIN.put("/cti/trunks/" + t.id(), Api.map("name", name, "host", "sip.carrier.example",
                "allowedSources", List.of(), "authUsername", "carrier", "authPassword", "carrier-pass-2"));
        assertThat(withCredentials.status()).as("credentials alone identify a trunk: " + withCredentials).isEqualTo(200);
        assertThat(withCredentials.body().path("allowedSources").size()).isZero();
        Api.Reply renamed = SYSADMIN.put("/cti/trunks/" + t.id(), Api.map("name", name, "host", "sip.carrier.example",
                "allowedSources", List.of("192.0.2.0/24"), "authUsername", "carrier"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.body().path("hasPassword").asBoolean()).isTrue();
        assertThat(renamed.body().path("authUsername").asText()).isEqualTo("carrier");
        assertThat(SYSADMIN.get("/cti/trunks").text()).doesNotContain("carrier-pass-2");
        assertThat(SYSADMIN.get("/audit?size=200").text()).as("the audit trail names the user, never the password")
                .contains("digest user carrier").doesNotContain("carrier-pass");
        Api.Reply otherUser = SYSADMIN.put("/cti/trunks/" + t.id(), Api.map("name", name, "host", "sip.carrier.example",
                "allowedSources", List.of("192.0.2.0/24"), "authUsername", "someone-else"));
        assertThat(otherUser.status()).as("another user needs its own password").isEqualTo(400);
        assertThat(otherUser.field()).isEqualTo("authPassword");
    }

    @Test
    @DisplayName("R1.3 bad trunk input (host, source address, port, half credentials, duplicate name) is refused and nothing is written")
    void trunkValidation() {
        String name = Fixtures.unique("trunk");
        assertThat(newTrunk(name, List.of("127.0.0.1")).status()).isEqualTo(201);
        int before = SYSADMIN.get("/cti/trunks").body().size();

        Api.Reply dup = newTrunk(name, List.of("127.0.0.1"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.field()).isEqualTo("name");
        Api.Reply badSource = newTrunk(Fixtures.unique("t"), List.of("127.0.0.300"));
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.field()).isEqualTo("allowedSources");
        Api.Reply badCidr = newTrunk(Fixtures.unique("t"), List.of("10.0.0.0/33"));
        assertThat(badCidr.field()).isEqualTo("allowedSources");
        Api.Reply noSources = SYSADMIN.post("/cti/trunks", Api.map("name", Fixtures.unique("t"), "host", "127.0.0.1", "allowedSources", List.of()));
        assertThat(noSources.field()).as("without credentials a trunk needs its addresses").isEqualTo("allowedSources");
        Api.Reply badHost = SYSADMIN.post("/cti/trunks", Api.map("name", Fixtures.unique("t"), "host", "bad host!", "allowedSources", List.of("127.0.0.1")));
        assertThat(badHost.status()).isEqualTo(400);
        assertThat(badHost.field()).isEqualTo("host");
        Api.Reply badPort = SYSADMIN.post("/cti/trunks", Api.map("name", Fixtures.unique("t"), "host", "127.0.0.1", "port", 70000, "allowedSources", List.of("127.0.0.1")));
        assertThat(badPort.field()).isEqualTo("port");
        Api.Reply halfCredentials = SYSADMIN.post("/cti/trunks", Api.map("name", Fixtures.unique("t"), "host", "127.0.0.1", "allowedSources", List.of("127.0.0.1"), "authUsername", "only-user"));
        assertThat(halfCredentials.field()).isEqualTo("authPassword");

        assertThat(SYSADMIN.get("/cti/trunks").body().size()).isEqualTo(before);
    }

    @Test
    @DisplayName("R1.3 an inbound number (DID) is normalised and routed to a service's scenario; duplicates and foreign scenarios are refused")
    void inboundNumbers() {
        long svc = Fixtures.newService();
        long other = Fixtures.newService();
        long scenario = SYSADMIN.get("/services/" + svc + "/cti/scenarios").body().get(0).path("id").asLong();
        long otherScenario = SYSADMIN.get("/services/" + other + "/cti/scenarios").body().get(0).path("id").asLong();
        long trunk = newTrunk(Fixtures.unique("trunk"), List.of("127.0.0.1")).id();
        String did = Fixtures.landline();

        Api.Reply created = SYSADMIN.post("/cti/inbound-numbers", Api.map("number", did, "serviceId", svc, "scenarioId", scenario, "trunkId", trunk));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("number").asText()).isEqualTo(Fixtures.e164(did));
        assertThat(created.body().path("display").asText()).isEqualTo(did);

        Api.Reply dup = SYSADMIN.post("/cti/inbound-numbers", Api.map("number", Fixtures.e164(did), "serviceId", svc, "scenarioId", scenario));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.field()).isEqualTo("number");
        Api.Reply foreign = SYSADMIN.post("/cti/inbound-numbers", Api.map("number", Fixtures.landline(), "serviceId", svc, "scenarioId", otherScenario));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.field()).isEqualTo("scenarioId");
        Api.Reply malformed = SYSADMIN.post("/cti/inbound-numbers", Api.map("number", "02-12ab-5678", "serviceId", svc, "scenarioId", scenario));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.field()).isEqualTo("number");

        assertThat(SYSADMIN.get("/services/" + svc + "/cti/inbound-numbers").body()).hasSize(1);
        assertThat(SYSADMIN.delete("/cti/trunks/" + trunk).status()).as("trunk in use").isEqualTo(409);
    }

    @Test
    @DisplayName("R1.3 recall time and status after login default to 15 s and Work, and only a system administrator changes them")
    void perServiceSettings() {
        long svc = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        String path = "/services/" + svc + "/cti/settings";

        Api.Reply defaults = admin.api().get(path);
        assertThat(defaults.status()).as(defaults.toString()).isEqualTo(200);
        assertThat(defaults.body().path("recallSeconds").asInt()).isEqualTo(15);
        assertThat(defaults.body().path("initialStatus").asText()).isEqualTo("WORK");

        Fixtures.prompt(svc, "moh-jazz", "MUSIC");
        Fixtures.prompt(svc, "abuse-ko", "ANNOUNCEMENT");
        Api.Reply set = SYSADMIN.put(path, Api.map("recallSeconds", 30, "initialStatus", "READY", "mohPrompt", "moh-jazz",
                "announcementPrompt", "abuse-ko", "abusiveText", "폭언으로 통화를 종료합니다."));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(admin.api().get(path).body().path("recallSeconds").asInt()).isEqualTo(30);
        assertThat(admin.api().get(path).body().path("abusiveText").asText()).isEqualTo("폭언으로 통화를 종료합니다.");

        assertThat(admin.api().put(path, Api.map("recallSeconds", 60)).kind()).as("service admin").isEqualTo("403 forbidden");
        Api.Reply tooShort = SYSADMIN.put(path, Api.map("recallSeconds", 1, "initialStatus", "WORK"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.field()).isEqualTo("recallSeconds");
        Api.Reply notAStatus = SYSADMIN.put(path, Api.map("recallSeconds", 20, "initialStatus", "ON_CALL"));
        assertThat(notAStatus.status()).isEqualTo(400);
        assertThat(SYSADMIN.get(path).body().path("recallSeconds").asInt()).as("unchanged").isEqualTo(30);
        assertThat(SYSADMIN.get(path).body().path("initialStatus").asText()).isEqualTo("READY");
    }

    @Test
    @DisplayName("R1.3 trunks and DIDs are installation-wide: service administrators and agents cannot see or change them, nor another service's settings")
    void systemOnly() {
        long a = Fixtures.newService();
        long b = Fixtures.newService();
        Fixtures.Member adminA = Fixtures.newUser(a, "SERVICE_ADMIN", false);
        Fixtures.Member agentA = Fixtures.newUser(a, "AGENT", true);
        for (Api api : List.of(adminA.api(), agentA.api())) {
            assertThat(api.get("/cti/trunks").kind()).isEqualTo("403 forbidden");
            assertThat(api.post("/cti/trunks", Api.map("name", Fixtures.unique("t"), "host", "127.0.0.1", "allowedSources", List.of("127.0.0.1"))).kind()).isEqualTo("403 forbidden");
            assertThat(api.get("/cti/inbound-numbers").kind()).isEqualTo("403 forbidden");
            assertThat(api.get("/services/" + b + "/cti/settings").kind()).isEqualTo("404 not-found");
            assertThat(api.get("/services/" + b + "/cti/inbound-numbers").kind()).isEqualTo("404 not-found");
            assertThat(api.get("/services/" + a + "/cti/inbound-numbers").status()).as("own DIDs are readable").isEqualTo(200);
        }
    }
}
