package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("R1.5 caller IDs: register, approve, reject, revoke")
class CallerIdIT extends SangdamIT {

    private static List<String> dialable(Api api, long svc) {
        Api.Reply r = api.get("/services/" + svc + "/caller-ids/dialable");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        for (JsonNode n : r.body()) {
            numbers.add(n.path("number").asText());
        }
        return numbers;
    }

    @Test
    @DisplayName("R1.5 a registered number is pending and cannot be dialled with until a system administrator approves it")
    void pendingThenApproved() {
        long svc = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        Fixtures.Member agent = Fixtures.newUser(svc, "AGENT", true);
        String number = Fixtures.landline();

        Api.Reply reg = admin.api().post("/services/" + svc + "/caller-ids", Api.map("number", number, "note", "통신서비스 이용증명원 첨부"));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(201);
        assertThat(reg.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(reg.body().path("number").asText()).isEqualTo(Fixtures.e164(number));
        long id = reg.id();
        assertThat(dialable(agent.api(), svc)).as("pending is not dialable").doesNotContain(Fixtures.e164(number));
        assertThat(SYSADMIN.get("/caller-ids/pending").text()).contains(Fixtures.e164(number));

        assertThat(admin.api().post("/services/" + svc + "/caller-ids/" + id + "/approve", null).kind()).as("service admin").isEqualTo("403 forbidden");
        assertThat(agent.api().post("/services/" + svc + "/caller-ids/" + id + "/approve", null).kind()).as("agent").isEqualTo("403 forbidden");
        assertThat(dialable(agent.api(), svc)).doesNotContain(Fixtures.e164(number));

        Api.Reply ok = SYSADMIN.post("/services/" + svc + "/caller-ids/" + id + "/approve", null);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.body().path("status").asText()).isEqualTo("APPROVED");
        assertThat(ok.body().path("decidedBy").asText()).isEqualTo("sysadmin");
        assertThat(dialable(agent.api(), svc)).containsExactly(Fixtures.e164(number));
        assertThat(SYSADMIN.get("/caller-ids/pending").text()).doesNotContain(Fixtures.e164(number));
    }

    @Test
    @DisplayName("R1.5 a rejected number cannot be approved later; registering it again starts a new review")
    void rejectedIsFinal() {
        long svc = Fixtures.newService();
        String number = Fixtures.landline();
        String base = "/services/" + svc + "/caller-ids";
        long id = SYSADMIN.post(base, Api.map("number", number)).id();

        Api.Reply noReason = SYSADMIN.post(base + "/" + id + "/reject", Api.map());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.field()).isEqualTo("reason");
        Api.Reply rejected = SYSADMIN.post(base + "/" + id + "/reject", Api.map("reason", "증빙 서류 불일치"));
        assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().path("reason").asText()).isEqualTo("증빙 서류 불일치");

        Api.Reply approveLater = SYSADMIN.post(base + "/" + id + "/approve", null);
        assertThat(approveLater.status()).as(approveLater.toString()).isEqualTo(409);
        assertThat(SYSADMIN.get(base).body().get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(dialable(SYSADMIN, svc)).isEmpty();

        Api.Reply again = SYSADMIN.post(base, Api.map("number", number));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.id()).isNotEqualTo(id);
        assertThat(again.body().path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    @DisplayName("R1.5 a revoked number can no longer be dialled with, and cannot be revoked or approved twice")
    void revoke() {
        long svc = Fixtures.newService();
        String base = "/services/" + svc + "/caller-ids";
        String number = Fixtures.landline();
        long id = SYSADMIN.post(base, Api.map("number", number)).id();
        SYSADMIN.post(base + "/" + id + "/approve", null);
        assertThat(dialable(SYSADMIN, svc)).containsExactly(Fixtures.e164(number));

        assertThat(SYSADMIN.post(base + "/" + id + "/revoke", Api.map("reason", "번호 해지")).body().path("status").asText()).isEqualTo("REVOKED");
        assertThat(dialable(SYSADMIN, svc)).isEmpty();
        assertThat(SYSADMIN.post(base + "/" + id + "/revoke", null).status()).isEqualTo(409);
        assertThat(SYSADMIN.post(base + "/" + id + "/approve", null).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("R1.5 a number pending or approved anywhere cannot be registered again; bad numbers are refused")
    void duplicatesAndBadNumbers() {
        long a = Fixtures.newService();
        long b = Fixtures.newService();
        String number = Fixtures.landline();
        assertThat(SYSADMIN.post("/services/" + a + "/caller-ids", Api.map("number", number)).status()).isEqualTo(201);

        Api.Reply sameService = SYSADMIN.post("/services/" + a + "/caller-ids", Api.map("number", Fixtures.e164(number)));
        assertThat(sameService.status()).isEqualTo(409);
        assertThat(sameService.field()).isEqualTo("number");
        assertThat(SYSADMIN.post("/services/" + b + "/caller-ids", Api.map("number", number)).status()).as("another service").isEqualTo(409);
        Api.Reply bad = SYSADMIN.post("/services/" + b + "/caller-ids", Api.map("number", "12345"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).isEqualTo("number");
        assertThat(SYSADMIN.get("/services/" + b + "/caller-ids").body()).isEmpty();
    }

    @Test
    @DisplayName("R1.5 a cross-site form post cannot approve a caller ID with the administrator's credentials (writes take JSON only)")
    void csrf() {
        long svc = Fixtures.newService();
        String base = "/services/" + svc + "/caller-ids";
        long id = SYSADMIN.post(base, Api.map("number", Fixtures.landline())).id();
        for (String type : new String[]{"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"}) {
            Api.Reply r = SYSADMIN.postRaw(base + "/" + id + "/approve", type, "");
            assertThat(r.status()).as(type + ": " + r).isEqualTo(415);
        }
        assertThat(SYSADMIN.get(base).body().get(0).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    @DisplayName("R1.5 another service's caller IDs are invisible; agents cannot register numbers")
    void isolation() {
        long a = Fixtures.newService();
        long b = Fixtures.newService();
        Fixtures.Member adminA = Fixtures.newUser(a, "SERVICE_ADMIN", false);
        Fixtures.Member agentB = Fixtures.newUser(b, "AGENT", true);
        long idB = SYSADMIN.post("/services/" + b + "/caller-ids", Api.map("number", Fixtures.landline())).id();
        SYSADMIN.post("/services/" + b + "/caller-ids/" + idB + "/approve", null);

        assertThat(adminA.api().get("/services/" + b + "/caller-ids").kind()).isEqualTo("404 not-found");
        assertThat(adminA.api().get("/services/" + b + "/caller-ids/dialable").kind()).isEqualTo("404 not-found");
        assertThat(adminA.api().post("/services/" + b + "/caller-ids", Api.map("number", Fixtures.landline())).kind()).isEqualTo("404 not-found");
        assertThat(dialable(adminA.api(), a)).as("B's approved number is not A's").isEmpty();
        assertThat(agentB.api().post("/services/" + b + "/caller-ids", Api.map("number", Fixtures.landline())).kind()).isEqualTo("403 forbidden");
        assertThat(SYSADMIN.post("/services/" + a + "/caller-ids/" + idB + "/revoke", null).kind()).as("id under the wrong service").isEqualTo("404 not-found");
    }
}
