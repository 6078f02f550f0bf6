package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sangdam.it.console.AdminPage;
import org.sangdam.it.console.Browser;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

/** 전체 관리 → CTI 관리 → 시나리오 and 서비스 관리 → 상담원's queues (R2.6), in a real browser. */
@DisplayName("R2.6 scenario editor and agents' queues on the admin screens")
class AdminScenarioIT extends SangdamIT {

    private static List<JsonNode> scenarios(long svc) {
        return StreamSupport.stream(SYSADMIN.get("/services/" + svc + "/cti/scenarios").body().spliterator(), false).toList();
    }

    private static List<String> steps(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#steps li")).stream().map(WebElement::getText).toList();
    }

    @Test
    @DisplayName("R2.6 a system administrator makes a scenario with a menu as a form: a bad queue name is refused beside its key and nothing is saved; the preview shows greeting → menu → queue; saved, the DID can use it; bad hours are refused beside the day")
    void createWithMenu() {
        long svc = Fixtures.newService();
        String service = SYSADMIN.get("/services/" + svc).body().path("name").asText();
        int before = scenarios(svc).size();
        try (Browser browser = Browser.korean()) {
            browser.open().loginAs("sysadmin", Fixtures.DEMO_PASSWORD);
            AdminPage page = AdminPage.open(browser, "/admin/system/cti-settings.xhtml").follow("menuScenarios");
            assertThat(page.heading()).isEqualTo("시나리오");
            page.choose("scenarioForm:service", service);
            page.type("scenarioForm:name", "ivr").type("scenarioForm:greeting", "welcome").press("scenarioForm:menuOn");
            page.await("the menu's fields shown", () -> !browser.driver().findElements(By.id("scenarioForm:menuPrompt")).isEmpty());
            page.type("scenarioForm:menuPrompt", "menu").type("scenarioForm:keys:0:queue", "sales")
                    .type("scenarioForm:keys:1:queue", "Support Team!").type("scenarioForm:fallback", "sales").press("scenarioForm:save");
            assertThat(page.fieldError("scenarioForm:keys:1:queueError")).contains("menu.choices.2");
            assertThat(page.hasFieldError("scenarioForm:keys:0:queueError")).as("only beside the bad key").isFalse();
            assertThat(page.value("scenarioForm:keys:1:queue")).as("the form keeps the input").isEqualTo("Support Team!");
            assertThat(scenarios(svc)).as("nothing saved").hasSize(before);

            page.type("scenarioForm:keys:1:queue", "support").press("scenarioForm:preview");
            page.await("the preview", () -> !steps(browser).isEmpty());
            assertThat(steps(browser)).containsExactly(
                    "인사말 \"welcome\" 재생",
                    "메뉴 \"menu\" 재생 후 번호 입력: 1:sales 2:support",
                    "5초 안에 올바른 입력이 없으면 다시 안내 (모두 2번), 그 다음 대기열 sales",
                    "고른 대기열에서 \"default-moh\" 음악을 들으며 상담원 연결 대기");
            assertThat(scenarios(svc)).as("a preview saves nothing").hasSize(before);

            page.press("scenarioForm:save").awaitMessage("저장되었습니다.");
            JsonNode ivr = scenarios(svc).stream().filter(s -> s.path("name").asText().equals("ivr")).findFirst().orElseThrow();
            assertThat(ivr.path("definition").asText()).contains("\"choices\":{\"1\":\"sales\",\"2\":\"support\"}").contains("\"greeting\":\"welcome\"");

            page.press("scenarioForm:hoursOn");
            page.await("the hours' fields shown", () -> !browser.driver().findElements(By.id("scenarioForm:days:0:open")).isEmpty());
            page.type("scenarioForm:days:0:open", "18:00-09:00").type("scenarioForm:closedPrompt", "closed").press("scenarioForm:save");
            assertThat(page.fieldError("scenarioForm:days:0:openError")).contains("ends before it starts");
            assertThat(scenarios(svc).stream().filter(s -> s.path("name").asText().equals("ivr")).findFirst().orElseThrow()
                    .path("definition").asText()).as("unchanged").doesNotContain("hours");
            browser.screenshot("admin-scenario-editor");
        }
        long scenarioId = scenarios(svc).stream().filter(s -> s.path("name").asText().equals("ivr")).findFirst().orElseThrow().path("id").asLong();
        Api.Reply did = SYSADMIN.post("/cti/inbound-numbers", Api.map("number", Fixtures.landline(), "serviceId", svc, "scenarioId", scenarioId));
        assertThat(did.status()).as(did.toString()).isEqualTo(201);
    }

    @Test
    @DisplayName("R2.6 a service administrator sets the queues a CTI agent answers on 상담원; a bad queue name is refused in the agent's row")
    void agentQueues() {
        long svc = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        String queues = "/services/" + svc + "/users/" + agent.id() + "/queues";
        try (Browser browser = Browser.korean()) {
            browser.open().loginAs(admin.username(), admin.password());
            AdminPage page = AdminPage.fromHeader(browser.driver(), "navService");
            String row = page.row("agentsForm:agents", agent.username());
            page.type(row + "queues", "sales, support").press(row + "saveQueues").awaitMessage("저장되었습니다.");
            assertThat(SYSADMIN.get(queues).body().path("queues").toString()).isEqualTo("[\"sales\",\"support\"]");

            row = page.row("agentsForm:agents", agent.username());
            page.type(row + "queues", "Bad Queue!").press(row + "saveQueues");
            assertThat(page.fieldError(row + "rowError")).isNotBlank();
            assertThat(SYSADMIN.get(queues).body().path("queues").toString()).as("unchanged").isEqualTo("[\"sales\",\"support\"]");
        }
    }
}
