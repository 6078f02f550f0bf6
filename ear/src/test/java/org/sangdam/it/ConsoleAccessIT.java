package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sangdam.it.console.Browser;
import org.sangdam.it.console.ConsolePage;
import org.sangdam.it.console.PhoneWidget;
import org.sangdam.it.console.TicketPage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The console's edges: tenancy of ticket URLs, a dropped connection, refusals, a 1366x768 screen")
class ConsoleAccessIT extends SangdamIT {

    /** a ticket of a new service, made by its agent over the API */
    private static long ticketOfNewService(String customer) {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Desk desk = new Desk(Fixtures.phoneAgent(svc)).ready();
        Network.customerCalls(did, customer);
        desk.awaitState("OFFERED");
        long ticket = desk.ok("answer").path("call").path("ticketId").asLong();
        desk.ok("hang-up");
        return ticket;
    }

    private static int status(String path, Fixtures.Member as) throws Exception {
        String auth = Base64.getEncoder().encodeToString((as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.BASE + path))
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    @Test
    @DisplayName("R2.5 tenancy: an agent of service A opens a ticket of service B by URL and gets 404; their own ticket opens and is listed")
    void foreignTicketIs404() throws Exception {
        long foreign = ticketOfNewService("010-7777-0001");
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        Desk desk = new Desk(agent).ready();
        Network.customerCalls(did, "010-7777-0002");
        desk.awaitState("OFFERED");
        long own = desk.ok("answer").path("call").path("ticketId").asLong();
        desk.ok("hang-up");

        assertThat(status("/ticket.xhtml?id=" + foreign, agent)).as("another service's ticket").isEqualTo(404);
        assertThat(status("/ticket.xhtml?id=999999999", agent)).as("no such ticket").isEqualTo(404);
        assertThat(status("/ticket.xhtml?id=" + own, agent)).isEqualTo(200);

        try (Browser browser = Browser.korean()) {
            ConsolePage console = browser.open().loginAs(agent.username(), agent.password());
            assertThat(console.ticketRows()).as("R2.5 listed as mine").anyMatch(r -> r.contains("#" + own) && r.contains("010-7777-0002"));
            assertThat(console.ticketRows()).noneMatch(r -> r.contains("#" + foreign + " "));
            console.searchTickets("7777-0002").awaitTicketRows(rows -> rows.size() == 1 && rows.get(0).contains("#" + own));
            console.searchTickets("010-9999-0000").awaitTicketRows(java.util.List::isEmpty);
            browser.go("/ticket.xhtml?id=" + foreign);
            assertThat(browser.driver().findElements(By.id("ticketDetail"))).as("nothing of service B shows").isEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain("010-7777-0001");
            browser.go("/ticket.xhtml?id=" + own);
            assertThat(TicketPage.awaitOpened(browser.driver()).customer()).isEqualTo("010-7777-0002");
        }
    }

    @Test
    @DisplayName("logins: a browser gets the login form with an HttpOnly, SameSite=Lax session; the API without a login still gets 401 JSON with a Basic challenge")
    void formForBrowsersBasicForTheApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(Browser.BASE + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("j_security_check");
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID=")
                && c.contains("HttpOnly") && c.contains("SameSite=Lax"));
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(Browser.BASE + "/api/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Sangdam\"");
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Api.JSON.readTree(api.body()).path("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    @DisplayName("R2.5/R4.3 ticket work: status, category and notes are saved and the status change is on the timeline; another service cannot change it (404)")
    void ticketWork() {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        Desk desk = new Desk(agent).ready();
        Network.customerCalls(did, "010-7777-0003");
        desk.awaitState("OFFERED");
        long ticket = desk.ok("answer").path("call").path("ticketId").asLong();
        desk.ok("hang-up");
        Fixtures.Member stranger = Fixtures.phoneAgent(Fixtures.newService());
        assertThat(stranger.api().put("/tickets/" + ticket, Api.map("status", "SOLVED")).kind()).isEqualTo("404 not-found");

        try (Browser browser = Browser.korean()) {
            browser.open().loginAs(agent.username(), agent.password());
            browser.go("/ticket.xhtml?id=" + ticket);
            TicketPage page = TicketPage.awaitOpened(browser.driver()).work("SOLVED", "결제", "환불 절차 안내함");
            assertThat(page.status()).isEqualTo("해결");
            assertThat(page.timelineKinds()).contains("STATUS_CHANGED");
            browser.driver().navigate().refresh();
            page = TicketPage.awaitOpened(browser.driver());
            assertThat(page.note()).isEqualTo("환불 절차 안내함");
            assertThat(page.category()).isEqualTo("결제");
            browser.go("/");
            ConsolePage.at(browser.driver()).showWholeService()
                    .awaitTicketRows(rows -> rows.stream().anyMatch(r -> r.contains("#" + ticket) && r.contains("해결")));
        }
        assertThat(agent.api().get("/tickets/" + ticket).body().path("status").asText()).isEqualTo("SOLVED");
        assertThat(agent.api().put("/tickets/" + ticket, Api.map("status", "DONE")).kind()).isEqualTo("400 validation");
    }

    @Test
    @DisplayName("issue 6: after a network drop the widget reconnects and shows the true state; a refused action shows the server's reason, in Korean, and the truth")
    void reconnectShowsTruthAndRefusalShowsReason() {
        long svc = Fixtures.newService();
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        Desk desk = new Desk(agent);
        try (Browser browser = Browser.korean()) {
            PhoneWidget phone = browser.open().loginAs(agent.username(), agent.password()).phone().awaitOnline();
            phone.press("ctiLogin", "WORK").press("ready", "READY");

            phone.dropConnection(Duration.ofSeconds(3));
            assertThat(phone.linkText()).isEqualTo("연결 끊김 · 재연결 중…");
            desk.ok(desk.choose("BREAK"));
            assertThat(phone.state()).as("the push was lost with the connection").isEqualTo("READY");
            phone.awaitOnline().awaitState("BREAK");
            assertThat(phone.stateLabel()).isEqualTo("휴식");
            assertThat(phone.linkText()).isEqualTo("실시간 연결됨");

            // the widget still believes Break while the agent became Ready elsewhere: the server refuses Ready again
            phone.dropConnection(Duration.ofSeconds(3));
            desk.ok(desk.choose("READY"));
            assertThat(phone.state()).isEqualTo("BREAK");
            phone.press("ready");
            assertThat(phone.refusal()).as("said in the console's language").isEqualTo("이미 대기 상태입니다.");
            phone.awaitState("READY");
        }
    }

    @Test
    @DisplayName("issue 6 item 5: at 1366x768 the whole widget, every call button included, is on screen without scrolling")
    void fitsSmallScreen() {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        try (Browser browser = Browser.english()) {
            PhoneWidget phone = browser.open().loginAs(agent.username(), agent.password()).phone().awaitOnline();
            phone.press("ctiLogin", "WORK").press("ready", "READY");
            Network.customerCalls(did, "010-3333-1212");
            phone.awaitState("OFFERED").press("answer");
            phone = TicketPage.awaitOpened(browser.driver()).console().phone().awaitState("ON_CALL");
            long[] edges = phone.lowestButtonAndViewport();
            assertThat(edges[0]).as("lowest widget button above the bottom of a 1366x768 window's viewport").isLessThanOrEqualTo(edges[1]);
            assertThat(edges[2]).as("widget inside the window").isLessThanOrEqualTo(edges[3]);
            browser.screenshot("console-en-on-call");
        }
    }
}
