package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.it.console.AgentStatusBoard;
import org.sangdam.it.console.Browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R2.3 "every status change is shown at once … to supervisors": the service
 * administrator's 상담원 현황 board in a real browser follows an agent's CTI status
 * as the agent changes it through the CTI API, without reloading.
 */
@DisplayName("R2.3 shown to supervisors: 서비스 관리 → 상담원 현황")
class AgentStatusBoardIT extends SangdamIT {

    @Test
    @DisplayName("R2.3 the service administrator's open board shows an agent's CTI login, Ready and Break at once, without reload; another service's administrator cannot open it")
    void boardFollowsAgentLive() throws Exception {
        long svc = Fixtures.newService();
        long other = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        Fixtures.Member otherAdmin = Fixtures.newUser(other, "SERVICE_ADMIN", false);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        Desk desk = new Desk(agent);
        String name = "Test " + agent.username();
        String ctiNumber = Fixtures.SYSADMIN.get("/services/" + svc + "/users/" + agent.id()).body().path("ctiNumber").asText();

        try (Browser browser = Browser.korean()) {
            browser.open().loginAs(admin.username(), admin.password());
            AgentStatusBoard board = AgentStatusBoard.open(browser, "/admin/service/agent-status.xhtml");
            assertThat(board.heading()).startsWith("상담원 현황");
            assertThat(board.ctiNumber(name)).isEqualTo(ctiNumber);
            assertThat(board.status(name)).as("not CTI-logged-in yet").isEqualTo("CTI 로그아웃");

            desk.ok("login");
            String afterLogin = desk.state();
            assertThat(afterLogin).as("the service's initial status").isIn("WORK", "READY", "BREAK");
            board.awaitStatus(name, label(afterLogin));

            desk.ok(desk.choose("READY"));
            board.awaitStatus(name, "대기");

            desk.ok(desk.agent.api().put("/cti/agent/status", Api.map("status", "BREAK", "reason", "점심")));
            board.awaitStatus(name, "휴식");
            assertThat(board.notReloaded()).as("each status arrived by push, the page was never reloaded").isTrue();
            browser.screenshot("agent-status-board");

            String ticket = board.ticket();
            assertThat(probe(browser, ticket)).as("the board's own ticket opens its stream").isEqualTo("ready");
            assertThat(probe(browser, "no-such-ticket")).as("a made-up ticket is refused").isEqualTo("1008");
            try (Browser otherBrowser = Browser.korean()) {
                otherBrowser.open().loginAs(otherAdmin.username(), otherAdmin.password());
                assertThat(probe(otherBrowser, ticket)).as("another service's administrator cannot listen with this board's ticket").isEqualTo("1008");
            }
        }

        var rest = admin.api().get("/services/" + svc + "/agents/status");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
        assertThat(rest.body().findValuesAsText("state")).as("the REST twin: the same status").containsExactly("BREAK");
        assertThat(rest.body().get(0).path("reason").asText()).isEqualTo("점심");
        assertThat(otherAdmin.api().get("/services/" + svc + "/agents/status").status()).as("another service's administrator, REST").isEqualTo(404);
        assertThat(agent.api().get("/services/" + svc + "/agents/status").status()).as("an agent, REST").isEqualTo(403);

        assertThat(status("/admin/service/agent-status.xhtml?service=" + svc, otherAdmin))
                .as("another service's administrator: not found").isEqualTo(404);
        assertThat(body("/admin/service/agent-status.xhtml", otherAdmin))
                .as("their own board lists none of this service's agents").doesNotContain(agent.username(), name);
    }

    /** opens /cti/board/{ticket} from the browser's page (its login): the first message ("ready"), or the close code if refused */
    private static String probe(Browser browser, String ticket) {
        browser.js("window.sdProbe = null; var w = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host"
                + " + arguments[1] + '/cti/board/' + arguments[0]);"
                + " w.onmessage = function (e) { if (window.sdProbe === null) { window.sdProbe = e.data; } w.close(); };"
                + " w.onclose = function (e) { if (window.sdProbe === null) { window.sdProbe = String(e.code); } };",
                ticket, URI.create(Browser.BASE).getPath());
        AtomicReference<String> result = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Object r = browser.js("return window.sdProbe;");
            result.set(r == null ? null : r.toString());
            return r != null;
        });
        return result.get();
    }

    private static String label(String state) {
        return switch (state) {
            case "WORK" -> "업무";
            case "READY" -> "대기";
            case "BREAK" -> "휴식";
            default -> throw new IllegalArgumentException(state);
        };
    }

    private static HttpResponse<String> get(String path, Fixtures.Member as) throws Exception {
        String auth = Base64.getEncoder().encodeToString((as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.BASE + path))
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(String path, Fixtures.Member as) throws Exception {
        return get(path, as).statusCode();
    }

    private static String body(String path, Fixtures.Member as) throws Exception {
        HttpResponse<String> r = get(path, as);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
