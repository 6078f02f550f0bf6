package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Health and login")
class HealthIT extends SangdamIT {

    @Test
    @DisplayName("health reports the database and the broker inside WildFly as UP, without a login")
    void healthIsUp() {
        Api.Reply r = Api.anonymous().get("/health");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("status").asText()).isEqualTo("UP");
        assertThat(r.body().path("database").asText()).startsWith("UP");
        assertThat(r.body().path("broker").asText()).startsWith("UP");
    }

    @Test
    @DisplayName("the API refuses anonymous callers and wrong passwords with 401")
    void loginRequired() {
        assertThat(Api.anonymous().get("/me").status()).isEqualTo(401);
        assertThat(Api.as("sysadmin", "not-the-password").get("/me").status()).isEqualTo(401);
        assertThat(Api.as("nobody-here", "whatever1").get("/services").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("R1 a user logs in with the password stored (bcrypt) in the database and sees who they are")
    void me() {
        Api.Reply r = Fixtures.SYSADMIN.get("/me");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("username").asText()).isEqualTo("sysadmin");
        assertThat(r.body().path("role").asText()).isEqualTo("SYSTEM_ADMIN");
    }

    @Test
    @DisplayName("malformed JSON gets 400 with a message, not a server error")
    void malformedJson() {
        Api.Reply r = Fixtures.SYSADMIN.postRaw("/services", "application/json", "{\"name\": ");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("body");
        assertThat(r.body().path("message").asText()).startsWith("malformed JSON");
    }
}
