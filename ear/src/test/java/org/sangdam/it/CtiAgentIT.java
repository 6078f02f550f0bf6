package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("R1.4 CTI ID and CTI number per agent")
class CtiAgentIT extends SangdamIT {

    private static String ctiPath(long svc, long user) {
        return "/services/" + svc + "/users/" + user + "/cti";
    }

    @Test
    @DisplayName("R1.4 a system administrator assigns a CTI ID and number to a phone-enabled agent, who then sees them")
    void assign() {
        long svc = Fixtures.newService();
        Fixtures.Member agent = Fixtures.newUser(svc, "AGENT", true);
        String ctiId = Fixtures.unique("cti");
        String ext = Fixtures.extension();

        Api.Reply r = SYSADMIN.put(ctiPath(svc, agent.id()), Api.map("ctiId", ctiId, "ctiNumber", ext, "sipPassword", "sip-secret-1"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("ctiNumber").asText()).isEqualTo(ext);
        assertThat(r.text()).doesNotContain("sip-secret-1");
        Api.Reply me = agent.api().get("/me");
        assertThat(me.body().path("ctiId").asText()).isEqualTo(ctiId);
        assertThat(me.body().path("ctiNumber").asText()).isEqualTo(ext);
        assertThat(SYSADMIN.get("/services/" + svc + "/cti/agents").body()).hasSize(1);

        // re-assigning the same number keeps the SIP password; a new number needs one
        String newId = Fixtures.unique("cti");
        assertThat(SYSADMIN.put(ctiPath(svc, agent.id()), Api.map("ctiId", newId, "ctiNumber", ext)).status()).isEqualTo(200);
        Api.Reply newNumber = SYSADMIN.put(ctiPath(svc, agent.id()), Api.map("ctiId", newId, "ctiNumber", Fixtures.extension()));
        assertThat(newNumber.status()).isEqualTo(400);
        assertThat(newNumber.field()).isEqualTo("sipPassword");
        assertThat(agent.api().get("/me").body().path("ctiNumber").asText()).isEqualTo(ext);
    }

    @Test
    @DisplayName("R1.4 CTI IDs and CTI numbers are unique across the installation")
    void unique() {
        long a = Fixtures.newService();
        long b = Fixtures.newService();
        Fixtures.Member first = Fixtures.newUser(a, "AGENT", true);
        Fixtures.Member second = Fixtures.newUser(b, "AGENT", true);
        String ctiId = Fixtures.unique("cti");
        String ext = Fixtures.extension();
        assertThat(SYSADMIN.put(ctiPath(a, first.id()), Api.map("ctiId", ctiId, "ctiNumber", ext, "sipPassword", "sip-secret-1")).status()).isEqualTo(200);

        Api.Reply sameId = SYSADMIN.put(ctiPath(b, second.id()), Api.map("ctiId", ctiId, "ctiNumber", Fixtures.extension(), "sipPassword", "sip-secret-2"));
        assertThat(sameId.status()).isEqualTo(409);
        assertThat(sameId.field()).isEqualTo("ctiId");
        Api.Reply sameNumber = SYSADMIN.put(ctiPath(b, second.id()), Api.map("ctiId", Fixtures.unique("cti"), "ctiNumber", ext, "sipPassword", "sip-secret-2"));
        assertThat(sameNumber.status()).isEqualTo(409);
        assertThat(sameNumber.field()).isEqualTo("ctiNumber");
        assertThat(SYSADMIN.get(ctiPath(b, second.id())).kind()).as("nothing assigned").isEqualTo("404 not-found");
    }

    @Test
    @DisplayName("R1.4 an agent without phone permission, a bad extension or a non-admin caller cannot be given a CTI identity")
    void refused() {
        long svc = Fixtures.newService();
        Fixtures.Member noPhone = Fixtures.newUser(svc, "AGENT", false);
        Fixtures.Member phone = Fixtures.newUser(svc, "AGENT", true);
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);

        Api.Reply noPermission = SYSADMIN.put(ctiPath(svc, noPhone.id()), Api.map("ctiId", Fixtures.unique("c"), "ctiNumber", Fixtures.extension(), "sipPassword", "sip-secret-1"));
        assertThat(noPermission.status()).as(noPermission.toString()).isEqualTo(409);
        Api.Reply badExtension = SYSADMIN.put(ctiPath(svc, phone.id()), Api.map("ctiId", Fixtures.unique("c"), "ctiNumber", "01-23", "sipPassword", "sip-secret-1"));
        assertThat(badExtension.status()).isEqualTo(400);
        assertThat(badExtension.field()).isEqualTo("ctiNumber");
        Api.Reply byServiceAdmin = admin.api().put(ctiPath(svc, phone.id()), Api.map("ctiId", Fixtures.unique("c"), "ctiNumber", Fixtures.extension(), "sipPassword", "sip-secret-1"));
        assertThat(byServiceAdmin.kind()).isEqualTo("403 forbidden");
        assertThat(phone.api().get("/me").body().path("ctiNumber").isMissingNode() || phone.api().get("/me").body().path("ctiNumber").isNull()).isTrue();
    }
}
