package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("R1.2 agents and the phone permission")
class UserPermissionIT extends SangdamIT {

    @Test
    @DisplayName("R1.2 a service administrator creates an agent and grants and revokes the phone permission")
    void grantPhonePermission() {
        long svc = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        String username = Fixtures.unique("kim");
        Api.Reply created = admin.api().post("/services/" + svc + "/users",
                Api.map("username", username, "displayName", "김상담", "password", "secret-123"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("role").asText()).as("agent by default").isEqualTo("AGENT");
        assertThat(created.body().path("phonePermission").asBoolean()).isFalse();
        long id = created.id();

        Api.Reply granted = admin.api().put("/services/" + svc + "/users/" + id, Api.map("phonePermission", true));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(admin.api().get("/services/" + svc + "/users/" + id).body().path("phonePermission").asBoolean()).isTrue();

        Api agent = Api.as(username, "secret-123");
        assertThat(agent.get("/me").body().path("phonePermission").asBoolean()).as("the agent sees it too").isTrue();
        admin.api().put("/services/" + svc + "/users/" + id, Api.map("phonePermission", false));
        assertThat(agent.get("/me").body().path("phonePermission").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R1.2 an agent cannot create users or grant permissions")
    void agentCannotAdminister() {
        long svc = Fixtures.newService();
        Fixtures.Member agent = Fixtures.newUser(svc, "AGENT", false);
        Api.Reply create = agent.api().post("/services/" + svc + "/users",
                Api.map("username", Fixtures.unique("x"), "displayName", "X", "password", "secret-123"));
        assertThat(create.kind()).as(create.toString()).isEqualTo("403 forbidden");
        Api.Reply self = agent.api().put("/services/" + svc + "/users/" + agent.id(), Api.map("phonePermission", true));
        assertThat(self.kind()).as(self.toString()).isEqualTo("403 forbidden");
        assertThat(SYSADMIN.get("/services/" + svc + "/users/" + agent.id()).body().path("phonePermission").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R1.2 bad user input names the field and writes nothing")
    void validation() {
        long svc = Fixtures.newService();
        Fixtures.Member existing = Fixtures.newUser(svc, "AGENT", false);
        String path = "/services/" + svc + "/users";
        int before = SYSADMIN.get(path).body().size();

        Api.Reply dup = SYSADMIN.post(path, Api.map("username", existing.username(), "displayName", "D", "password", "secret-123"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.field()).isEqualTo("username");
        Api.Reply badName = SYSADMIN.post(path, Api.map("username", "no spaces!", "displayName", "D", "password", "secret-123"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.field()).isEqualTo("username");
        Api.Reply shortPw = SYSADMIN.post(path, Api.map("username", Fixtures.unique("p"), "displayName", "D", "password", "short"));
        assertThat(shortPw.status()).isEqualTo(400);
        assertThat(shortPw.field()).isEqualTo("password");
        Api.Reply sysRole = SYSADMIN.post(path, Api.map("username", Fixtures.unique("r"), "displayName", "D", "password", "secret-123", "role", "SYSTEM_ADMIN"));
        assertThat(sysRole.status()).isEqualTo(400);
        assertThat(sysRole.field()).isEqualTo("role");
        Api.Reply adminPhone = SYSADMIN.post(path, Api.map("username", Fixtures.unique("r"), "displayName", "D", "password", "secret-123", "role", "NOT_A_ROLE"));
        assertThat(adminPhone.status()).isEqualTo(400);

        assertThat(SYSADMIN.get(path).body().size()).isEqualTo(before);
    }

    @Test
    @DisplayName("R1.2 deactivating a user or resetting the password takes effect at the next login")
    void deactivateAndReset() {
        long svc = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        Fixtures.Member agent = Fixtures.newUser(svc, "AGENT", true);
        assertThat(agent.api().get("/me").status()).isEqualTo(200);

        assertThat(admin.api().put("/services/" + svc + "/users/" + agent.id() + "/password", Api.map("password", "new-secret-456")).status()).isEqualTo(204);
        assertThat(agent.api().get("/me").status()).as("old password").isEqualTo(401);
        assertThat(Api.as(agent.username(), "new-secret-456").get("/me").status()).isEqualTo(200);

        assertThat(admin.api().put("/services/" + svc + "/users/" + agent.id(), Api.map("active", false)).status()).isEqualTo(200);
        assertThat(Api.as(agent.username(), "new-secret-456").get("/me").status()).as("deactivated").isEqualTo(401);
        assertThat(admin.api().put("/services/" + svc + "/users/" + admin.id(), Api.map("active", false)).status()).as("not oneself").isEqualTo(409);
    }

    @Test
    @DisplayName("R1.2 a service administrator cannot read or change another service's agents")
    void tenantIsolation() {
        long a = Fixtures.newService();
        long b = Fixtures.newService();
        Fixtures.Member adminA = Fixtures.newUser(a, "SERVICE_ADMIN", false);
        Fixtures.Member agentB = Fixtures.newUser(b, "AGENT", false);

        assertThat(adminA.api().get("/services/" + b + "/users").kind()).isEqualTo("404 not-found");
        assertThat(adminA.api().get("/services/" + b + "/users/" + agentB.id()).kind()).isEqualTo("404 not-found");
        // the other service's user through one's own service path: still not found
        assertThat(adminA.api().get("/services/" + a + "/users/" + agentB.id()).kind()).isEqualTo("404 not-found");
        assertThat(adminA.api().put("/services/" + a + "/users/" + agentB.id(), Api.map("phonePermission", true)).kind()).isEqualTo("404 not-found");
        assertThat(adminA.api().put("/services/" + b + "/users/" + agentB.id() + "/password", Api.map("password", "hijack-1234")).kind()).isEqualTo("404 not-found");
        assertThat(adminA.api().post("/services/" + b + "/users", Api.map("username", Fixtures.unique("x"), "displayName", "X", "password", "secret-123")).kind()).isEqualTo("404 not-found");

        assertThat(SYSADMIN.get("/services/" + b + "/users/" + agentB.id()).body().path("phonePermission").asBoolean()).isFalse();
        assertThat(agentB.api().get("/me").status()).as("password unchanged").isEqualTo(200);
    }
}
