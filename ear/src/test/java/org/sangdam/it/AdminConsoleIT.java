package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.it.console.AdminPage;
import org.sangdam.it.console.Browser;
import org.sangdam.it.console.ConsolePage;
import org.sangdam.it.console.DialDialog;
import org.sangdam.it.console.PhoneWidget;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

/**
 * The admin screens (issue 3) in a real browser: system administration (전체 관리)
 * and service administration (서비스 관리), their effect where a user notices it (a
 * call refused, a caller ID in the dial dialog, a new agent's phone widget), their
 * guards, and the audit trail.
 */
@DisplayName("Issue 3 admin screens: contracts, CTI agents, caller IDs, agents, guards, audit")
class AdminConsoleIT extends SangdamIT {
    private static final String SYSADMIN_PASSWORD = Fixtures.DEMO_PASSWORD;

    private static String serviceName(long id) {
        return SYSADMIN.get("/services/" + id).body().path("name").asText();
    }

    private static AdminPage asSysadmin(Browser browser, String path) {
        browser.open().loginAs("sysadmin", SYSADMIN_PASSWORD);
        return AdminPage.open(browser, path);
    }

    private static int status(String path, Fixtures.Member as) throws Exception {
        String auth = Base64.getEncoder().encodeToString((as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.BASE + path))
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private static long callerIdOf(long serviceId, String seoulNumber) {
        return StreamSupport.stream(SYSADMIN.get("/services/" + serviceId + "/caller-ids").body().spliterator(), false)
                .filter(c -> c.path("number").asText().equals(Fixtures.e164(seoulNumber))).findFirst().orElseThrow().path("id").asLong();
    }

    private static boolean hasUser(long serviceId, String username) {
        return StreamSupport.stream(SYSADMIN.get("/services/" + serviceId + "/users").body().spliterator(), false)
                .anyMatch(u -> u.path("username").asText().equals(username));
    }

    @Test
    @DisplayName("R1.1 a system administrator creates a service (a taken name refused inline) and switches CTI inbound off in 전체 관리 → 서비스: the service's DID call is refused; on again, it is taken; the change is in the audit trail")
    void contractSwitchDecidesInbound() {
        long svc = Fixtures.newService();
        String name = serviceName(svc);
        String did = Fixtures.inboundNumber(svc);
        try (Browser browser = Browser.korean()) {
            browser.open().loginAs("sysadmin", SYSADMIN_PASSWORD);
            AdminPage page = AdminPage.fromHeader(browser.driver(), "navSystem");
            assertThat(page.heading()).isEqualTo("서비스");
            assertThat(page.menu()).as("the manual's menu path, in Korean")
                    .contains("전체 관리", "CTI 관리", "CTI 설정", "CTI 상담원 관리", "발신번호 승인", "변경 이력");
            assertThat(page.columns("table.sd-services")).contains("전화 CTI 사용 - IB", "전화 CTI 사용 - OB");

            // a new customer: a taken name is refused beside the field, then the service is made with both switches on
            String fresh = Fixtures.unique("신규 고객센터");
            page.type("createForm:name", name).check("createForm:newInbound", true).check("createForm:newOutbound", true).press("createForm:create");
            assertThat(page.fieldError("createForm:nameError")).isEqualTo("이미 사용 중인 이름입니다.");
            page.type("createForm:name", fresh).press("createForm:create").awaitMessage("저장되었습니다.");
            String freshRow = page.row("servicesForm:services", fresh);
            assertThat(page.isOn(freshRow + "inbound") && page.isOn(freshRow + "outbound")).as("R1.1 both switches on").isTrue();
            assertThat(StreamSupport.stream(SYSADMIN.get("/services").body().spliterator(), false)
                    .filter(t -> t.path("name").asText().equals(fresh))).singleElement()
                    .matches(t -> t.path("ctiInbound").asBoolean() && t.path("ctiOutbound").asBoolean());

            String row = page.row("servicesForm:services", name);
            assertThat(page.isOn(row + "inbound")).isTrue();
            page.toggle(row + "inbound").awaitMessage("저장되었습니다.");
            browser.screenshot("admin-services");
            assertThat(SYSADMIN.get("/services/" + svc).body().path("ctiInbound").asBoolean()).isFalse();
            assertThat(SYSADMIN.get("/services/" + svc).body().path("ctiOutbound").asBoolean()).as("the other switch kept").isTrue();
            assertThat(Network.customerCallsStatus(did, "010-4444-0001")).as("R1.1 no CTI inbound: the call is refused").isEqualTo(409);

            browser.driver().navigate().refresh();
            page = AdminPage.at(browser.driver());
            row = page.row("servicesForm:services", name);
            assertThat(page.isOn(row + "inbound")).as("the page shows the stored contract").isFalse();
            page.toggle(row + "inbound").awaitMessage("저장되었습니다.");
            assertThat(Network.customerCallsStatus(did, "010-4444-0002")).as("inbound on again: the call is taken").isEqualTo(200);

            page = page.follow("menuAudit").choose("auditForm:service", name);
            page.awaitRows("auditForm:audit", rows -> rows.stream().filter(r -> r.contains("계약 변경")).count() == 2);
            assertThat(page.rows("auditForm:audit")).as("newest first: who, what, the values")
                    .first().asString().contains("sysadmin", "계약 변경", name, "ctiInbound=false", "ctiInbound=true");
            browser.screenshot("admin-audit");
        }
    }

    @Test
    @DisplayName("R1.4 CTI 상담원 관리: a CTI number is assigned; the same number for a second agent is refused beside the field, the typed input stays, nothing is stored")
    void duplicateCtiNumberInline() {
        long svc = Fixtures.newService();
        Fixtures.Member first = Fixtures.newUser(svc, "AGENT", true);
        Fixtures.Member second = Fixtures.newUser(svc, "AGENT", true);
        String number = Fixtures.extension();
        try (Browser browser = Browser.english()) {
            AdminPage page = asSysadmin(browser, "/admin/system/services.xhtml").follow("menuCtiAgents");
            assertThat(page.heading()).isEqualTo("CTI agents");
            page.choose("ctiAgentsForm:service", serviceName(svc));
            String row1 = page.row("ctiAgentsForm:agents", first.username());
            page.type(row1 + "ctiId", Fixtures.unique("cti")).type(row1 + "ctiNumber", number).type(row1 + "sipPassword", "sip-secret-1")
                    .press(row1 + "assign").awaitMessage("Saved.");
            assertThat(SYSADMIN.get("/services/" + svc + "/users/" + first.id()).body().path("ctiNumber").asText()).isEqualTo(number);

            String row2 = page.row("ctiAgentsForm:agents", second.username());
            String secondCtiId = Fixtures.unique("cti");
            page.type(row2 + "ctiId", secondCtiId).type(row2 + "ctiNumber", number).type(row2 + "sipPassword", "sip-secret-2")
                    .press(row2 + "assign");
            assertThat(page.fieldError(row2 + "ctiNumberError")).isEqualTo("This CTI number is already assigned to another agent.");
            assertThat(page.hasFieldError(row2 + "ctiIdError")).isFalse();
            assertThat(page.value(row2 + "ctiId")).as("the form keeps the input").isEqualTo(secondCtiId);
            assertThat(page.value(row2 + "ctiNumber")).isEqualTo(number);
            browser.screenshot("admin-cti-agents-duplicate");
            JsonNode stored = SYSADMIN.get("/services/" + svc + "/users/" + second.id()).body();
            assertThat(stored.path("ctiNumber").asText()).as("nothing stored for the second agent: " + stored).isEmpty();

            page = page.follow("menuAudit").choose("auditForm:service", serviceName(svc));
            page.awaitRows("auditForm:audit", rows -> rows.stream().anyMatch(r -> r.contains("CTI ID assigned") && r.contains(first.username())));
            assertThat(page.rows("auditForm:audit")).as("the refused assignment left no audit row")
                    .noneMatch(r -> r.contains("CTI ID assigned") && r.contains(second.username()));
            assertThat(page.rows("auditForm:audit")).as("the SIP password is never in the trail").noneMatch(r -> r.contains("sip-secret"));
        }
    }

    @Test
    @DisplayName("R1.5 a service admin registers two caller IDs; the system admin approves one and rejects the other (a reason is required); only the approved one is in the agent's dial dialog and dials (R2.7); revoked, it is gone")
    void callerIdApprovalReachesDialDialog() {
        long svc = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        String good = Fixtures.landline();
        String bad = Fixtures.landline();
        try (Browser browser = Browser.korean()) {
            ConsolePage console = browser.open().loginAs(admin.username(), admin.password());
            assertThat(console.hasPhoneWidget()).isFalse();
            AdminPage page = AdminPage.fromHeader(browser.driver(), "navService").follow("menuCallerIds");
            assertThat(page.heading()).startsWith("발신번호 관리");
            page.type("registerForm:number", "02-12").press("registerForm:register");
            assertThat(page.fieldError("registerForm:numberError")).isEqualTo("올바른 전화번호가 아닙니다.");
            page.type("registerForm:number", good).type("registerForm:note", "대표번호 (통신서비스 이용증명원)").press("registerForm:register").awaitMessage("저장되었습니다.");
            page.type("registerForm:number", bad).press("registerForm:register").awaitMessage("저장되었습니다.");
            page.awaitRows("numbersForm:numbers", rows -> rows.stream().filter(r -> r.contains("승인 대기")).count() == 2);
        }
        try (Browser browser = Browser.korean()) {
            AdminPage page = asSysadmin(browser, "/admin/system/caller-id-approvals.xhtml");
            page.press(page.row("approvalsForm:pending", good) + "approve").awaitMessage("저장되었습니다.");
            String row = page.row("approvalsForm:pending", bad);
            page.pressAndConfirm(row + "reject", true);
            assertThat(page.fieldError(row + "reasonError")).as("a rejection needs a reason").isEqualTo("사유를 입력해 주세요.");
            row = page.row("approvalsForm:pending", bad);
            page.type(row + "reason", "명의 불일치");
            page.pressAndConfirm(row + "reject", true).awaitMessage("저장되었습니다.");
            page.awaitRows("approvalsForm:approved", rows -> rows.stream().anyMatch(r -> r.contains(good)));
            assertThat(page.rows("approvalsForm:approved")).noneMatch(r -> r.contains(bad));
            browser.screenshot("admin-caller-id-approvals");
        }
        try (Browser browser = Browser.korean()) {
            PhoneWidget phone = browser.open().loginAs(agent.username(), agent.password()).phone().awaitOnline();
            phone.press("ctiLogin", "WORK");
            DialDialog dial = phone.openDial();
            assertThat(dial.callerIds()).as("R1.5 approved only; the rejected one nowhere").containsExactly(good);
        }
        // R2.7 through the CTI API: the approved number dials, the rejected one is refused
        Desk desk = new Desk(agent);
        assertThat(desk.act("dial", Api.map("number", "010-1234-5678", "callerId", callerIdOf(svc, bad))).kind()).isEqualTo("409 conflict");
        long call = desk.ok(desk.act("dial", Api.map("number", "010-1234-5678", "callerId", callerIdOf(svc, good)))).path("call").path("id").asLong();
        assertThat(Network.commands()).anyMatch(c -> c.startsWith("dial " + call + " ") && c.contains(Fixtures.e164(good)));
        desk.ok("hang-up");
        try (Browser browser = Browser.korean()) {
            AdminPage page = asSysadmin(browser, "/admin/system/caller-id-approvals.xhtml");
            page.pressAndConfirm(page.row("approvalsForm:approved", good) + "revoke", true).awaitMessage("저장되었습니다.");
            page.awaitRows("approvalsForm:approved", rows -> rows.stream().noneMatch(r -> r.contains(good)));
        }
        assertThat(agent.api().get("/cti/agent/caller-ids").body()).as("R1.5 a revoked number can no longer be picked").isEmpty();
        try (Browser browser = Browser.korean()) {
            browser.open().loginAs(admin.username(), admin.password());
            AdminPage page = AdminPage.open(browser, "/admin/service/caller-ids.xhtml");
            page.awaitRows("numbersForm:numbers", rows -> rows.stream().anyMatch(r -> r.contains(good) && r.contains("승인 취소"))
                    && rows.stream().anyMatch(r -> r.contains(bad) && r.contains("반려") && r.contains("명의 불일치")));
        }
    }

    @Test
    @DisplayName("R1.2 a service admin creates an agent with phone permission (a taken username is refused inline, input kept); the agent logs in and sees the phone widget; deactivation asks first")
    void serviceAdminCreatesPhoneAgent() {
        long svc = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        Fixtures.Member existing = Fixtures.newUser(svc, "AGENT", false);
        String username = Fixtures.unique("agent").toLowerCase(java.util.Locale.ROOT);
        try (Browser browser = Browser.english()) {
            browser.open().loginAs(admin.username(), admin.password());
            AdminPage page = AdminPage.fromHeader(browser.driver(), "navService");
            assertThat(page.heading()).startsWith("Agents");
            assertThat(page.menu()).contains("Service administration", "Agents", "Agent status", "Phone", "Caller IDs", "Inbound numbers", "Frequently used transfer numbers")
                    .doesNotContain("System administration");
            page.type("createForm:username", existing.username()).type("createForm:displayName", "김상담")
                    .type("createForm:password", "agent-pass-1").check("createForm:phone", true).press("createForm:create");
            assertThat(page.fieldError("createForm:usernameError")).isEqualTo("This username is taken.");
            assertThat(page.value("createForm:displayName")).as("the form keeps the input").isEqualTo("김상담");

            page.type("createForm:username", username).press("createForm:create").awaitMessage("Saved.");
            String row = page.row("agentsForm:agents", username);
            assertThat(page.rows("agentsForm:agents")).anyMatch(r -> r.contains(username) && r.contains("김상담") && r.contains("Yes"));
            browser.screenshot("admin-agents");

            // a destructive action asks first; "Cancel" changes nothing
            page.pressAndConfirm(page.row("agentsForm:agents", existing.username()) + "deactivate", false);
            assertThat(SYSADMIN.get("/services/" + svc + "/users/" + existing.id()).body().path("active").asBoolean()).isTrue();
            page.pressAndConfirm(page.row("agentsForm:agents", existing.username()) + "deactivate", true).awaitMessage("Saved.");
            assertThat(SYSADMIN.get("/services/" + svc + "/users/" + existing.id()).body().path("active").asBoolean()).isFalse();
            assertThat(row).isNotBlank();
        }
        try (Browser browser = Browser.english()) {
            ConsolePage console = browser.open().loginAs(username, "agent-pass-1");
            assertThat(console.hasPhoneWidget()).as("R1.2 phone permission: the widget").isTrue();
            assertThat(console.phone().awaitOnline().isPresent("ctiLogin")).isTrue();
        }
        try (Browser browser = Browser.english()) {
            browser.open().loginFails(existing.username(), existing.password());
        }
        try (Browser browser = Browser.korean()) {
            AdminPage page = asSysadmin(browser, "/admin/system/audit.xhtml").choose("auditForm:service", serviceName(svc));
            page.awaitRows("auditForm:audit", rows -> rows.stream().anyMatch(r -> r.contains(admin.username()) && r.contains("사용자 생성") && r.contains(username))
                    && rows.stream().anyMatch(r -> r.contains(admin.username()) && r.contains("사용자 변경") && r.contains("active=false")));
        }
    }

    @Test
    @DisplayName("Guards: a service admin gets 403 on system pages, 404 on another service's pages, an agent 403 on service pages; a crafted post for another service changes nothing there")
    void guards() throws Exception {
        long svc = Fixtures.newService();
        long other = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        Fixtures.Member agent = Fixtures.newUser(svc, "AGENT", true);
        for (String page : new String[] {"services", "cti-settings", "cti-agents", "caller-id-approvals", "audit"}) {
            assertThat(status("/admin/system/" + page + ".xhtml", admin)).as(page).isEqualTo(403);
        }
        for (String page : new String[] {"agents", "agent-status", "caller-ids", "transfer-numbers", "inbound-numbers"}) {
            assertThat(status("/admin/service/" + page + ".xhtml?service=" + other, admin)).as("another service's " + page).isEqualTo(404);
            assertThat(status("/admin/service/" + page + ".xhtml", admin)).as("own " + page).isEqualTo(200);
            assertThat(status("/admin/service/" + page + ".xhtml", agent)).as("agent on " + page).isEqualTo(403);
        }
        assertThat(status("/admin/service/agents.xhtml?service=abc", admin)).isEqualTo(404);

        String smuggled = Fixtures.unique("smuggled");
        try (Browser browser = Browser.korean()) {
            browser.open().loginAs(admin.username(), admin.password());
            assertThat(browser.driver().findElements(org.openqa.selenium.By.id("navSystem"))).as("no 전체 관리 link").isEmpty();
            browser.go("/admin/system/services.xhtml");
            assertThat(browser.driver().getPageSource()).doesNotContain("servicesForm");
            AdminPage page = AdminPage.open(browser, "/admin/service/agents.xhtml");
            page.smuggle("createForm", "service", String.valueOf(other))
                    .type("createForm:username", smuggled).type("createForm:displayName", "x")
                    .type("createForm:password", "smuggled-1").press("createForm:create").awaitMessage("저장되었습니다.");
        }
        assertThat(hasUser(other, smuggled)).as("nothing created in the other service").isFalse();
        assertThat(hasUser(svc, smuggled)).as("the post acted on the admin's own service").isTrue();
    }

    @Test
    @DisplayName("R1.3 CTI 설정: a trunk and a DID for a new service, a bad recall time refused beside the field and then saved; the service admin sees the DID read-only, R1.6 keeps transfer numbers (removal asks first) and resets a password")
    void newCustomerSetUp() {
        long svc = Fixtures.newService();
        String name = serviceName(svc);
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        Fixtures.Member agent = Fixtures.newUser(svc, "AGENT", false);
        String trunk = Fixtures.unique("carrier");
        String did = Fixtures.landline();
        try (Browser browser = Browser.korean()) {
            AdminPage page = asSysadmin(browser, "/admin/system/services.xhtml").follow("menuCtiSettings");
            assertThat(page.heading()).isEqualTo("CTI 설정");
            page.type("trunkForm:name", trunk).type("trunkForm:host", "127.0.0.1").type("trunkForm:sources", "not-an-address!")
                    .type("trunkForm:authUsername", "carrier-user").type("trunkForm:authPassword", "carrier-secret-1")
                    .press("trunkForm:add");
            assertThat(page.fieldError("trunkForm:sourcesError")).isNotBlank();
            assertThat(page.value("trunkForm:name")).as("the form keeps the input").isEqualTo(trunk);
            assertThat(page.value("trunkForm:authUsername")).isEqualTo("carrier-user");
            assertThat(page.value("trunkForm:authPassword")).as("issue 5: the carrier password is write-only").isEmpty();
            page.type("trunkForm:sources", "127.0.0.1").type("trunkForm:authPassword", "carrier-secret-1")
                    .press("trunkForm:add").awaitMessage("저장되었습니다.");
            page.awaitRows("trunkForm:trunks", rows -> rows.stream().anyMatch(r -> r.contains(trunk) && r.contains("carrier-user (비밀번호 설정됨)")));
            assertThat(page.rows("trunkForm:trunks")).noneMatch(r -> r.contains("carrier-secret-1"));

            page.type("didForm:number", did).choose("didForm:service", name);
            page.await("the service's scenarios offered", () -> !page.value("didForm:scenario").isEmpty());
            page.choose("didForm:trunk", trunk).press("didForm:add").awaitMessage("저장되었습니다.");
            page.awaitRows("didForm:dids", rows -> rows.stream().anyMatch(r -> r.contains(did) && r.contains(name) && r.contains(trunk)));

            page.choose("settingsForm:service", name);
            page.await("the service's settings shown", () -> page.value("settingsForm:recall").equals("15"));
            page.type("settingsForm:recall", "3").press("settingsForm:save");
            assertThat(page.fieldError("settingsForm:recallError")).isEqualTo("호회수 시간은 5초에서 300초 사이여야 합니다.");
            assertThat(SYSADMIN.get("/services/" + svc + "/cti/settings").body().path("recallSeconds").asInt()).as("nothing changed").isEqualTo(15);
            page.type("settingsForm:recall", "25").choose("settingsForm:initialStatus", "대기")
                    .type("settingsForm:abusiveText", "폭언이 계속되어 통화를 종료합니다.").press("settingsForm:save").awaitMessage("저장되었습니다.");
            JsonNode settings = SYSADMIN.get("/services/" + svc + "/cti/settings").body();
            assertThat(settings.path("recallSeconds").asInt()).isEqualTo(25);
            assertThat(settings.path("initialStatus").asText()).isEqualTo("READY");
            assertThat(settings.path("abusiveText").asText()).isEqualTo("폭언이 계속되어 통화를 종료합니다.");
            assertThat(settings.path("recordingEnabled").asBoolean()).as("recording is on by default").isTrue();

            // issue 7 part 5: recording on/off and retention per service
            page.type("settingsForm:recordingRetention", "0").press("settingsForm:save");
            assertThat(page.fieldError("settingsForm:recordingRetentionError")).isEqualTo("녹취 보관 기간은 1일에서 3650일 사이여야 합니다.");
            page.check("settingsForm:recordingEnabled", false).type("settingsForm:recordingRetention", "30")
                    .press("settingsForm:save").awaitMessage("저장되었습니다.");
            settings = SYSADMIN.get("/services/" + svc + "/cti/settings").body();
            assertThat(settings.path("recordingEnabled").asBoolean()).isFalse();
            assertThat(settings.path("recordingRetentionDays").asInt()).isEqualTo(30);
            assertThat(settings.path("recallSeconds").asInt()).as("the other settings kept").isEqualTo(25);
            browser.screenshot("admin-cti-settings");
        }
        assertThat(Network.customerCallsStatus(did, "010-4444-0003")).as("the new DID reaches the service").isEqualTo(200);
        try (Browser browser = Browser.korean()) {
            browser.open().loginAs(admin.username(), admin.password());
            AdminPage page = AdminPage.fromHeader(browser.driver(), "navService").follow("menuInboundNumbers");
            page.awaitRows("numbers", rows -> rows.stream().anyMatch(r -> r.contains(did) && r.contains("default")));
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#numbers input, #numbers button"))).as("read-only").isEmpty();

            page = page.follow("menuTransferNumbers");
            page.type("addForm:label", "기술지원팀").type("addForm:number", "1588-0000").press("addForm:add").awaitMessage("저장되었습니다.");
            page.type("addForm:label", "중복").type("addForm:number", "1588-0000").press("addForm:add");
            assertThat(page.fieldError("addForm:numberError")).isEqualTo("이미 등록된 번호입니다.");
            assertThat(SYSADMIN.get("/services/" + svc + "/transfer-numbers").body()).hasSize(1);
            page.pressAndConfirm(page.row("listForm:numbers", "기술지원팀") + "remove", true).awaitMessage("삭제되었습니다.");
            assertThat(SYSADMIN.get("/services/" + svc + "/transfer-numbers").body()).isEmpty();

            page = page.follow("menuAgents");
            page.press(page.row("agentsForm:agents", agent.username()) + "resetPassword");
            page.type("resetForm:newPassword", "short").press("resetForm:save");
            assertThat(page.fieldError("resetForm:newPasswordError")).isEqualTo("비밀번호는 8자 이상이어야 합니다.");
            page.type("resetForm:newPassword", "new-pass-123").press("resetForm:save").awaitMessage("비밀번호가 재설정되었습니다.");
        }
        assertThat(Api.as(agent.username(), "new-pass-123").get("/me").status()).as("the new password works").isEqualTo(200);
        assertThat(agent.api().get("/me").status()).as("the old one no longer").isEqualTo(401);
    }
}
