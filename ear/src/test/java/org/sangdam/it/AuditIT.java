package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("Issue 3 audit trail over REST: who changed which setting when, paged, system administrators only")
class AuditIT extends SangdamIT {

    @Test
    @DisplayName("R1.3 a service's changes come newest first, page by page, with who and what; the whole trail has them too")
    void pagedNewestFirst() {
        long svc = Fixtures.newService();
        for (int seconds : new int[] {20, 30, 40}) {
            Fixtures.recallSeconds(svc, seconds);
        }
        String path = "/services/" + svc + "/audit";

        Api.Reply first = SYSADMIN.get(path + "?size=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        long total = first.body().path("total").asLong();
        assertThat(total).as("three settings changes and the service's creation").isGreaterThanOrEqualTo(4);
        JsonNode items = first.body().path("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).path("action").asText()).isEqualTo("ctiSettings.changed");
        assertThat(items.get(0).path("actor").asText()).isEqualTo("sysadmin");
        assertThat(items.get(0).path("detail").asText()).contains("recallSeconds=40");
        assertThat(items.get(1).path("detail").asText()).contains("recallSeconds=30");

        JsonNode second = SYSADMIN.get(path + "?size=2&page=1").body().path("items");
        assertThat(second.get(0).path("detail").asText()).contains("recallSeconds=20");
        JsonNode beyond = SYSADMIN.get(path + "?size=2&page=" + total).body().path("items");
        assertThat(beyond.size()).isZero();

        JsonNode all = SYSADMIN.get("/audit?size=200").body().path("items");
        assertThat(all.toString()).contains("recallSeconds=40");
    }

    @Test
    @DisplayName("R1.3 only system administrators read the trail; bad paging is refused; an unknown service is a 404")
    void guards() {
        long svc = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        assertThat(admin.api().get("/services/" + svc + "/audit").kind()).isEqualTo("403 forbidden");
        assertThat(admin.api().get("/audit").kind()).isEqualTo("403 forbidden");
        assertThat(Api.anonymous().get("/audit").status()).isEqualTo(401);

        Api.Reply size = SYSADMIN.get("/audit?size=0");
        assertThat(size.kind()).isEqualTo("400 validation");
        assertThat(size.field()).isEqualTo("size");
        assertThat(SYSADMIN.get("/audit?page=-1").field()).isEqualTo("page");
        assertThat(SYSADMIN.get("/services/987654321/audit").kind()).isEqualTo("404 not-found");
    }
}
