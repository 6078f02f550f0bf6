package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sangdam.it.console.AbusiveDialog;
import org.sangdam.it.console.AdminPage;
import org.sangdam.it.console.Browser;
import org.sangdam.it.console.ConsolePage;
import org.sangdam.it.console.DialDialog;
import org.sangdam.it.console.PhoneWidget;
import org.sangdam.it.console.TicketPage;
import org.sangdam.it.console.TransferDialog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The source manual walked end to end (issue 8), as one journey in the order the
 * manual tells it: ➊ the administrators set up a new service in the browser's admin
 * screens, ➋ two agents CTI-login in their browsers with real baresip phones, a
 * baresip customer calls the new DID over the trunk, the call is recalled from the
 * agent who does not answer and answered by the other, an agent dials out with the
 * approved caller ID, ➌ transfers by each of the three ways, hold, abusive
 * termination, ➍ after-call work and back to Ready. Every step asserts what the
 * agent sees in the browser and what the phones hear (tones by Goertzel, music and
 * speech by energy, on the peers' recordings of what they received).
 * <p>
 * Who is on the line: the customer's phone sends {@value #CUSTOMER_HZ} Hz, agent
 * A's {@value #AGENT_A_HZ} Hz, agent B's {@value #AGENT_B_HZ} Hz, and the party
 * outside (the trunk's far end, where dialled and consulted numbers go)
 * {@value #OUTSIDE_HZ} Hz. Steps share these phones and browsers; each step starts
 * where the previous one left the agents, and a failed step skips the rest.
 */
@DisplayName("Issue 8: the manual end to end, set-up to after-call work, with real phones and real browsers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Evidence.class)
class ManualJourneyIT extends SipIT {
    static final int CUSTOMER_HZ = 700;
    static final int AGENT_A_HZ = 1300;
    static final int AGENT_B_HZ = 1900;
    static final int OUTSIDE_HZ = 1100;
    /** 2 s of a tone, in 20 ms blocks */
    static final int TWO_SECONDS = 100;
    static final Duration SIP = Duration.ofSeconds(15);
    static final String SAVED = "저장되었습니다.";
    /** the customer's number as the phone sends it */
    static final String CUSTOMER = "010" + ThreadLocalRandom.current().nextInt(1000, 10000) + "7777";
    /** the number outside the contact center the trunk reaches: transfers and the outbound call go there */
    static final String OUTSIDE = "010-5555-0000";
    static final String OUTSIDE_E164 = "+821055550000";
    static final String ABUSIVE_TEXT = "폭언 및 위협으로 상담을 종료합니다. (e2e)";
    /** the built-in announcement's length (sip-servlet prompts/README.md), in 20 ms blocks */
    static final int ABUSIVE_BLOCKS = 11_650 / 20;

    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    // what the set-up made, for the later steps
    static String serviceName = "e2e 고객센터 " + RUN;
    static long serviceId;
    static String adminUser = "e2e-admin-" + RUN;
    static final String ADMIN_PASSWORD = "admin-pass-" + RUN;
    static Agent agentA = new Agent("e2e-a-" + RUN, "김상담", "pass-a-" + RUN, extension(), "sip-a-" + RUN);
    static Agent agentB = new Agent("e2e-b-" + RUN, "이상담", "pass-b-" + RUN, extension(), "sip-b-" + RUN);
    static String did = "02" + ThreadLocalRandom.current().nextInt(2000, 10000) + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    static String callerId = "02-" + ThreadLocalRandom.current().nextInt(2000, 10000) + "-" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    static final String FAVOURITE = "협력사-" + RUN;

    // the people on the line and at their desks
    static Baresip customer;
    static Baresip phoneA;
    static Baresip phoneB;
    static Baresip outside;
    static Browser browserA;
    static Browser browserB;
    static PhoneWidget widgetA;
    static PhoneWidget widgetB;
    static JsonNode trunk;
    /** the customer's recording of the call in progress, and the agent's phone's */
    static Path customerHears;
    static Path agentHears;
    static long ticketOfCall;

    record Agent(String username, String displayName, String password, String ctiNumber, String sipPassword) {
    }

    @BeforeEach
    void journeyGoesOn() {
        assumeFalse(Evidence.failed(), "an earlier step of the journey failed: see its failure and target/evidence");
    }

    @AfterAll
    static void hangUpEverything() {
        for (AutoCloseable c : new AutoCloseable[] {customer, phoneA, phoneB, outside, browserA, browserB}) {
            if (c != null) {
                try {
                    if (c instanceof Browser b) {
                        Evidence.forget(b);
                    }
                    c.close();
                } catch (Exception | AssertionError ignored) {
                    // the others still close
                }
            }
        }
        if (trunk != null) {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }

    // ➊ set-up by the administrators (R1.1-R1.6), all through the admin screens

    @Test
    @Order(11)
    @DisplayName("➊ R1.1 the system administrator creates the service in 전체 관리 → 서비스 with 전화 CTI 사용 - IB and - OB on")
    void r1_1_systemAdminCreatesServiceWithContract() {
        try (Browser browser = Evidence.watch(Browser.korean())) {
            browser.open().loginAs("sysadmin", "demo1234");
            AdminPage page = AdminPage.fromHeader(browser.driver(), "navSystem");
            assertThat(page.heading()).isEqualTo("서비스");
            assertThat(page.columns("table.sd-services")).contains("전화 CTI 사용 - IB", "전화 CTI 사용 - OB");
            page.type("createForm:name", serviceName).check("createForm:newInbound", true).check("createForm:newOutbound", true)
                    .press("createForm:create").awaitMessage(SAVED);
            String row = page.row("servicesForm:services", serviceName);
            assertThat(page.isOn(row + "inbound")).as("CTI inbound on").isTrue();
            assertThat(page.isOn(row + "outbound")).as("CTI outbound on").isTrue();
            browser.screenshot("e2e-1-service");
            Evidence.forget(browser);
        }
        for (JsonNode s : get("/services")) {
            if (s.path("name").asText().equals(serviceName)) {
                serviceId = s.path("id").asLong();
                assertThat(s.path("ctiInbound").asBoolean() && s.path("ctiOutbound").asBoolean()).as("stored: " + s).isTrue();
            }
        }
        assertThat(serviceId).as("the new service is listed").isPositive();
        // the service's own administrator: the manual's 서비스 관리 steps are theirs
        send("POST", "/services/" + serviceId + "/users", JSON.createObjectNode().put("username", adminUser).put("displayName", "서비스 관리자")
                .put("password", ADMIN_PASSWORD).put("role", "SERVICE_ADMIN").put("phonePermission", false));
    }

    @Test
    @Order(12)
    @DisplayName("➊ R1.2 the service administrator creates agents A and B with phone permission in 서비스 관리 → 상담원")
    void r1_2_serviceAdminGrantsPhonePermission() {
        try (Browser browser = Evidence.watch(Browser.korean())) {
            browser.open().loginAs(adminUser, ADMIN_PASSWORD);
            AdminPage page = AdminPage.fromHeader(browser.driver(), "navService");
            for (Agent a : new Agent[] {agentA, agentB}) {
                page.type("createForm:username", a.username()).type("createForm:displayName", a.displayName())
                        .type("createForm:password", a.password()).check("createForm:phone", true).press("createForm:create").awaitMessage(SAVED);
                page.awaitRows("agentsForm:agents", rows -> rows.stream().anyMatch(r -> r.contains(a.username()) && r.contains(a.displayName())));
            }
            browser.screenshot("e2e-2-agents");
            Evidence.forget(browser);
        }
        for (Agent a : new Agent[] {agentA, agentB}) {
            assertThat(user(a).path("phonePermission").asBoolean()).as(a.username() + " has the phone permission").isTrue();
        }
    }

    @Test
    @Order(13)
    @DisplayName("➊ R1.4 the system administrator assigns each agent a CTI ID and CTI number in CTI 관리 → CTI 상담원 관리; R1.3 CTI 설정: "
            + "the DID on the trunk with the default scenario, recall time, music on hold, the abusive-call announcement, status after login 업무")
    void r1_3_r1_4_ctiAgentsAndSettings() {
        try (Browser browser = Evidence.watch(Browser.korean())) {
            browser.open().loginAs("sysadmin", "demo1234");
            AdminPage page = AdminPage.open(browser, "/admin/system/services.xhtml").follow("menuCtiAgents");
            page.choose("ctiAgentsForm:service", serviceName);
            for (Agent a : new Agent[] {agentA, agentB}) {
                String row = page.row("ctiAgentsForm:agents", a.username());
                page.type(row + "ctiId", "cti-" + a.username()).type(row + "ctiNumber", a.ctiNumber()).type(row + "sipPassword", a.sipPassword())
                        .press(row + "assign").awaitMessage(SAVED);
            }
            browser.screenshot("e2e-3-cti-agents");

            page = page.follow("menuCtiSettings");
            assertThat(page.heading()).isEqualTo("CTI 설정");
            page.awaitRows("trunkForm:trunks", rows -> rows.stream().anyMatch(r -> r.contains("demo-trunk")));
            page.type("didForm:number", did).choose("didForm:service", serviceName);
            AdminPage didPage = page;
            page.await("the service's scenarios offered", () -> !didPage.value("didForm:scenario").isEmpty());
            page.choose("didForm:trunk", "demo-trunk").press("didForm:add").awaitMessage(SAVED);

            page.choose("settingsForm:service", serviceName);
            AdminPage settingsPage = page;
            page.await("the service's settings shown", () -> settingsPage.value("settingsForm:recall").equals("15"));
            // a short recall time for the recall step; raised once recall is shown, so a slow browser never loses an offer
            page.type("settingsForm:recall", "8").choose("settingsForm:initialStatus", "업무")
                    .choose("settingsForm:mohPrompt", "default-moh").choose("settingsForm:announcementPrompt", "default-abusive")
                    .type("settingsForm:abusiveText", ABUSIVE_TEXT).press("settingsForm:save").awaitMessage(SAVED);
            browser.screenshot("e2e-3-cti-settings");
            Evidence.forget(browser);
        }
        for (Agent a : new Agent[] {agentA, agentB}) {
            assertThat(user(a).path("ctiNumber").asText()).as(a.username()).isEqualTo(a.ctiNumber());
        }
        JsonNode settings = get("/services/" + serviceId + "/cti/settings");
        assertThat(settings.path("recallSeconds").asInt()).isEqualTo(8);
        assertThat(settings.path("initialStatus").asText()).isEqualTo("WORK");
        assertThat(settings.path("mohPrompt").asText()).isEqualTo("default-moh");
        assertThat(settings.path("announcementPrompt").asText()).isEqualTo("default-abusive");
        assertThat(settings.path("abusiveText").asText()).isEqualTo(ABUSIVE_TEXT);
    }

    @Test
    @Order(14)
    @DisplayName("➊ R1.5 the service administrator registers a caller ID (승인 대기), the system administrator approves it; "
            + "R1.6 the service administrator adds a frequently used transfer number")
    void r1_5_r1_6_callerIdAndTransferNumber() {
        try (Browser browser = Evidence.watch(Browser.korean())) {
            browser.open().loginAs(adminUser, ADMIN_PASSWORD);
            AdminPage page = AdminPage.fromHeader(browser.driver(), "navService").follow("menuCallerIds");
            page.type("registerForm:number", callerId).type("registerForm:note", "대표번호").press("registerForm:register").awaitMessage(SAVED);
            page.awaitRows("numbersForm:numbers", rows -> rows.stream().anyMatch(r -> r.contains(callerId) && r.contains("승인 대기")));

            page = page.follow("menuTransferNumbers");
            page.type("addForm:label", FAVOURITE).type("addForm:number", OUTSIDE).press("addForm:add").awaitMessage(SAVED);
            page.awaitRows("listForm:numbers", rows -> rows.stream().anyMatch(r -> r.contains(FAVOURITE)));
            Evidence.forget(browser);
        }
        try (Browser browser = Evidence.watch(Browser.korean())) {
            browser.open().loginAs("sysadmin", "demo1234");
            AdminPage page = AdminPage.open(browser, "/admin/system/caller-id-approvals.xhtml");
            page.press(page.row("approvalsForm:pending", callerId) + "approve").awaitMessage(SAVED);
            page.awaitRows("approvalsForm:approved", rows -> rows.stream().anyMatch(r -> r.contains(callerId)));
            Evidence.forget(browser);
        }
        assertThat(get("/services/" + serviceId + "/caller-ids")).anyMatch(c -> c.path("number").asText().equals(e164(callerId))
                && c.path("status").asText().equals("APPROVED"));
    }

    // ➋ starting: CTI login, statuses, inbound with recall, outbound (R2.1-R2.8)

    @Test
    @Order(21)
    @DisplayName("➋ R2.1 each agent's console has the phone widget at the right; R2.2 CTI login enters 업무 (R1.3's status); "
            + "R2.3 휴식, 업무 and 대기 show at once; a customer, agents' and an outside phone register")
    void r2_1_r2_3_ctiLoginAndStatuses() {
        trunk = SipAdmin.outboundTrunk();
        outside = Baresip.start("outside", "<sip:" + OUTSIDE_E164 + "@" + SipPeers.HOST + ">;regint=0;answermode=manual", OUTSIDE_HZ, true);
        SipAdmin.pointTrunk(trunk, SipPeers.HOST, outside.sipPort);
        phoneA = agentPhone(agentA, AGENT_A_HZ);
        phoneB = agentPhone(agentB, AGENT_B_HZ);
        customer = Baresip.start("customer", "<sip:" + CUSTOMER + "@" + SipPeers.HOST + ">;regint=0", CUSTOMER_HZ, true);

        browserA = Evidence.watch(Browser.korean());
        browserB = Evidence.watch(Browser.korean());
        ConsolePage consoleA = browserA.open().loginAs(agentA.username(), agentA.password());
        assertThat(consoleA.hasPhoneWidget()).as("R2.1 phone permission: the widget").isTrue();
        widgetA = consoleA.phone().awaitOnline();
        long[] edges = widgetA.lowestButtonAndViewport();
        assertThat(edges[2]).as("R2.1 the widget sits at the right edge").isGreaterThanOrEqualTo(edges[3] - 40);
        assertThat(widgetA.stateLabel()).isEqualTo("CTI 로그아웃");
        widgetA.press("ctiLogin", "WORK");
        assertThat(widgetA.stateLabel()).as("R2.2 the status R1.3 set").isEqualTo("업무");
        widgetA.press("break", "BREAK");
        assertThat(widgetA.stateLabel()).isEqualTo("휴식");
        widgetA.press("work", "WORK");
        assertThat(widgetA.stateLabel()).isEqualTo("업무");

        widgetB = browserB.open().loginAs(agentB.username(), agentB.password()).phone().awaitOnline();
        widgetB.press("ctiLogin", "WORK");
        assertThat(widgetB.stateLabel()).isEqualTo("업무");
        browserA.screenshot("e2e-4-cti-login");
    }

    @Test
    @Order(22)
    @DisplayName("➋ R2.4 the customer calls the DID over the trunk: only the Ready agent A is offered (blinks, rings, shows the number), B in 업무 is not; "
            + "R2.6 A lets it ring out: the call is taken back, A goes 업무 '응답 없음', B (now Ready) is offered; the customer hears queue music throughout")
    void r2_4_r2_6_offerAndRecall() {
        widgetA.press("ready", "READY");
        assertThat(widgetA.stateLabel()).isEqualTo("대기");
        customer.clearEvents();
        customer.dial("sip:" + did + "@" + server());
        customer.awaitEvent("CALL_ESTABLISHED", SIP);
        customerHears = lastRecording(customer);

        widgetA.awaitState("OFFERED").awaitBlinking(true);
        assertThat(widgetA.stateLabel()).isEqualTo("전화 수신중");
        assertThat(widgetA.isRinging()).as("R2.4 rings").isTrue();
        assertThat(digits(widgetA.offerNumber())).isEqualTo(CUSTOMER);
        assertThat(widgetB.isBlinking()).as("R2.4 an agent in 업무 is not offered").isFalse();
        browserA.screenshot("e2e-5-offer");
        widgetB.press("ready", "READY"); // after the offer: B is the one left for the recall

        widgetA.awaitBlinking(false);
        assertThat(widgetA.state()).as("R2.6 the unanswered offer is taken back").isEqualTo("WORK");
        assertThat(widgetA.reason()).isEqualTo("응답 없음");
        widgetB.awaitState("OFFERED").awaitBlinking(true);
        assertThat(digits(widgetB.offerNumber())).isEqualTo(CUSTOMER);
        assertThat(widgetA.isBlinking()).as("R2.6 never offered to two agents at once").isFalse();
        assertThat(customer.saw("CALL_CLOSED")).as("R2.6 the call is never lost").isFalse();
        assertThat(Tones.rms(customerHears)).as("R2.6 the caller hears the queue's music").isGreaterThan(0.01);
        assertThat(phoneA.saw("CALL_INCOMING")).as("an offer does not ring A's phone; only Answer would").isFalse();
        // from here on no step is about recall: a slow browser must not lose an offer
        putSettings(s -> s.put("recallSeconds", 120));
    }

    @Test
    @Order(23)
    @DisplayName("➋ R2.4/R2.5 B presses Answer (전화받기): B's phone connects, the console opens the new ticket (customer number, 수신, the call timeline) "
            + "and audio flows both ways; ➍ R4.1 the customer hangs up: B is in 업무(티켓처리)")
    void r2_5_answerOpensTicketAndAudio() {
        widgetB.press("answer");
        TicketPage ticket = newTicket(browserB, 0);
        assertThat(digits(ticket.customer())).isEqualTo(CUSTOMER);
        assertThat(ticket.direction()).isEqualTo("수신");
        assertThat(ticket.timelineKinds()).containsSubsequence("ARRIVED", "ANSWERED", "CONNECTED");
        widgetB = ticket.console().phone().awaitOnline().awaitState("ON_CALL");
        assertThat(widgetB.stateLabel()).isEqualTo("통화중");
        assertThat(widgetB.isBlinking()).isFalse();
        browserB.screenshot("e2e-6-ticket");
        phoneB.awaitEvent("CALL_ESTABLISHED", SIP);
        Path bHears = lastRecording(phoneB);
        hears("B's phone hears the customer", bHears, CUSTOMER_HZ, 0);
        int from = Tones.length(customerHears);
        hears("the customer hears B", customerHears, AGENT_B_HZ, from);

        customer.hangUp();
        phoneB.awaitEvent("CALL_CLOSED", SIP);
        widgetB.awaitState("AFTER_CALL_WORK");
        assertThat(widgetB.stateLabel()).as("R4.1").isEqualTo("업무(티켓처리)");
    }

    @Test
    @Order(24)
    @DisplayName("➍ R4.2 B in 업무(티켓처리) is not offered the next call; ➋ R2.4/R2.5 A (Ready again) is, answers, the ticket opens, audio both ways")
    void r4_2_noOfferInAfterCallWork() {
        widgetA.press("ready", "READY");
        answeredByA();
        assertThat(widgetB.state()).as("R4.2 B in after-call work was not offered").isEqualTo("AFTER_CALL_WORK");
        assertThat(widgetB.isBlinking()).isFalse();
    }

    // ➌ during a call (R3.1-R3.7), on A's call with the customer

    @Test
    @Order(31)
    @DisplayName("➌ R3.7 Hold (보류): 보류중, the customer hears music on hold and no longer A; R3.5 Release (해제): 통화중, A is heard again")
    void r3_7_holdAndRelease() {
        assertThat(widgetA.isEnabled("release")).isFalse();
        widgetA.press("hold", "ON_HOLD");
        assertThat(widgetA.stateLabel()).isEqualTo("보류중");
        assertThat(widgetA.isEnabled("hold")).isFalse();
        int held = Tones.length(customerHears) + 8000 / 2;
        musicOnly("on hold", held, AGENT_A_HZ);

        widgetA.press("release", "ON_CALL");
        assertThat(widgetA.stateLabel()).isEqualTo("통화중");
        hears("the customer hears A after Release", customerHears, AGENT_A_HZ, Tones.length(customerHears));
    }

    @Test
    @Order(32)
    @DisplayName("➌ R3.1 way 1: a typed number and 협의통화; R3.2 once the outside party answers A is 통화중(호전환) with 고객연결 and 취소 active, "
            + "A hears them, the customer hears music only; R3.4 취소 ends the consultation, 보류중; R3.5 해제 returns to the customer")
    void r3_1_typedNumberConsultCancelRelease() {
        outside.clearEvents();
        TransferDialog transfer = widgetA.openTransfer();
        transfer.consultNumber(OUTSIDE);
        widgetA.awaitState("ON_HOLD");
        assertThat(widgetA.consultTarget()).isEqualTo(OUTSIDE);
        assertThat(widgetA.isEnabled("connectCustomer")).as("not connected yet").isFalse();
        consultationAnswered();

        widgetA.press("cancelConsult", "ON_HOLD");
        assertThat(widgetA.stateLabel()).as("R3.4").isEqualTo("보류중");
        outside.awaitEvent("CALL_CLOSED", SIP);
        widgetA.press("release", "ON_CALL");
        hears("R3.5 the customer hears A again", customerHears, AGENT_A_HZ, Tones.length(customerHears));
        assertThat(Tones.blocksWith(customerHears, OUTSIDE_HZ)).as("the customer never heard the consultation").isLessThan(5);
    }

    @Test
    @Order(33)
    @DisplayName("➌ R3.1 way 2 / R1.6: the administrator's frequently used number is listed, another is added with Add, 연결 consults it; "
            + "R3.3 고객연결 completes the transfer: the customer talks with the outside party, A's phone is hung up, A in 업무(티켓처리) (R4.1); R4.3 A sets 대기")
    void r3_1_favouriteConsultConnect() {
        outside.clearEvents();
        phoneA.clearEvents();
        TransferDialog transfer = widgetA.openTransfer();
        assertThat(transfer.favourites()).as("R1.6 the service's list").anyMatch(r -> r.contains(FAVOURITE) && r.contains(OUTSIDE));
        String added = "결제팀-" + RUN;
        transfer.addFavourite(added, "1588-1234");
        assertThat(transfer.favourites()).as("R1.6 added from the dialog").anyMatch(r -> r.contains(added) && r.contains("1588-1234"));
        browserA.screenshot("e2e-7-transfer-dialog");
        transfer.connectFavourite(FAVOURITE);
        widgetA.awaitState("ON_HOLD");
        consultationAnswered();

        widgetA.press("connectCustomer", "AFTER_CALL_WORK");
        assertThat(widgetA.stateLabel()).as("R3.3 then R4.1").isEqualTo("업무(티켓처리)");
        phoneA.awaitEvent("CALL_CLOSED", SIP);
        int connected = Tones.length(customerHears);
        hears("R3.3 the customer hears the outside party", customerHears, OUTSIDE_HZ, connected);
        assertThat(Tones.blocksWith(customerHears, AGENT_A_HZ, connected + 50)).as("A has left the call").isLessThan(5);
        Path outsideHears = lastRecording(outside);
        hears("the outside party hears the customer", outsideHears, CUSTOMER_HZ, Tones.length(outsideHears));
        assertThat(send(agentA.username() + ":" + agentA.password(), "GET", "/tickets/" + ticketOfCall, null).path("events"))
                .as("the ticket records the transfer").anyMatch(e -> e.path("kind").asText().equals("TRANSFER_COMPLETED"));

        outside.hangUp();
        customer.awaitEvent("CALL_CLOSED", SIP);
        widgetA.press("ready", "READY");
        assertThat(widgetA.stateLabel()).as("R4.3").isEqualTo("대기");
    }

    @Test
    @Order(34)
    @DisplayName("➋ R2.7 걸기: only the approved caller ID is offered; R2.8 발신중 while the called phone rings, and it sees the caller ID; "
            + "it answers: 통화중, the ticket (발신) opens, audio both ways; ➍ R4.1 A hangs up in the widget: 업무(티켓처리)")
    void r2_7_r2_8_outboundWithApprovedCallerId() {
        outside.clearEvents();
        phoneA.clearEvents();
        DialDialog dial = widgetA.openDial();
        assertThat(dial.callerIds()).as("R2.7 approved caller IDs of the service only").containsExactly(callerId);
        dial.chooseCallerId(callerId).type(OUTSIDE).awaitValid();
        dial.confirm();
        JsonNode incoming = outside.awaitEvent("CALL_INCOMING", SIP);
        assertThat(incoming.path("peeruri").asText()).as("R2.7 the called party sees the approved caller ID").contains(e164(callerId));
        widgetA.awaitState("DIALING");
        assertThat(widgetA.stateLabel()).as("R2.8").isEqualTo("발신중");
        browserA.screenshot("e2e-8-dialing");
        outside.command("accept", null);

        TicketPage ticket = newTicket(browserA, ticketOfCall);
        ticketOfCall = ticket.id();
        assertThat(ticket.direction()).isEqualTo("발신");
        widgetA = ticket.console().phone().awaitOnline().awaitState("ON_CALL");
        Path outsideHears = lastRecording(outside);
        Path aHears = lastRecording(phoneA);
        hears("the called party hears A", outsideHears, AGENT_A_HZ, 0);
        hears("A hears the called party", aHears, OUTSIDE_HZ, 0);

        widgetA.press("hangUp", "AFTER_CALL_WORK");
        assertThat(widgetA.stateLabel()).as("R4.1 the agent's side hung up").isEqualTo("업무(티켓처리)");
        outside.awaitEvent("CALL_CLOSED", SIP);
        phoneA.awaitEvent("CALL_CLOSED", SIP);
    }

    @Test
    @Order(35)
    @DisplayName("➌ R3.6 강성종료: the dialog shows the service's announcement text; Confirm: A's phone is hung up, A in 업무(티켓처리), "
            + "the customer hears the announcement over its length, then the call ends; the ticket records it")
    void r3_6_abusiveTermination() {
        widgetA.press("ready", "READY");
        answeredByA();
        AbusiveDialog dialog = widgetA.openAbusive();
        assertThat(dialog.announcement()).isEqualTo(ABUSIVE_TEXT);
        browserA.screenshot("e2e-9-abusive");
        phoneA.clearEvents();
        int from = Tones.length(customerHears);
        dialog.confirm();
        widgetA.awaitState("AFTER_CALL_WORK");
        phoneA.awaitEvent("CALL_CLOSED", SIP);
        customer.awaitEvent("CALL_CLOSED", Duration.ofSeconds(40));
        assertThat((Tones.length(customerHears) - from) / 160).as("the call lasted the announcement before it ended")
                .isGreaterThanOrEqualTo(ABUSIVE_BLOCKS - 50);
        assertThat(loudBlocks(customerHears, from)).as("the announcement was heard").isGreaterThan(ABUSIVE_BLOCKS / 2);
        assertThat(Tones.blocksWith(customerHears, AGENT_A_HZ, from + 8000)).as("A is no longer heard").isLessThan(5);

        browserA.driver().navigate().refresh();
        TicketPage ticket = TicketPage.awaitOpened(browserA.driver());
        assertThat(ticket.timelineKinds()).contains("ABUSIVE_TERMINATION");
        assertThat(ticket.timelineTexts()).anyMatch(t -> t.contains(ABUSIVE_TEXT));
        widgetA = ticket.console().phone().awaitOnline().awaitState("AFTER_CALL_WORK");
    }

    @Test
    @Order(36)
    @DisplayName("➌ R3.1 way 3: B (R4.3 from 업무(티켓처리) to 대기) is listed among the Ready agents, found by search, 연결; R3.2 A talks with B while the customer hears music; "
            + "B's console shows who consults it for which customer, B 전화 수신중 while its phone rings, both 통화중(호전환) once it answers; "
            + "R3.3 고객연결: B's console opens the customer's ticket, B 통화중 talks with the customer, A in 업무(티켓처리); R4.1 B too when the customer hangs up")
    void r3_1_readyAgentConsultConnect() {
        widgetA.press("ready", "READY");
        answeredByA();
        widgetB.press("ready", "READY");
        assertThat(widgetB.stateLabel()).as("R4.3 B back to Ready").isEqualTo("대기");
        phoneA.clearEvents();
        phoneB.clearEvents();

        TransferDialog transfer = widgetA.openTransfer();
        await("B listed among the Ready agents").atMost(SIP).ignoreExceptions()
                .until(() -> transfer.readyAgents().stream().anyMatch(r -> r.contains(agentB.displayName()) && r.contains(agentB.ctiNumber())));
        assertThat(transfer.readyAgents()).as("A itself is not a transfer target").noneMatch(r -> r.contains(agentA.displayName()));
        transfer.searchAgents(agentB.displayName());
        await("the search keeps B only").atMost(SIP).ignoreExceptions()
                .until(() -> transfer.readyAgents().size() == 1 && transfer.readyAgents().get(0).contains(agentB.displayName()));
        browserA.screenshot("e2e-10-ready-agents");
        phoneB.command("answermode", "manual"); // B's phone rings until B picks it up, as a person's would
        try {
            transfer.connectAgent(agentB.displayName());
            phoneB.awaitEvent("CALL_INCOMING", SIP);
            widgetB.awaitState("OFFERED");
            assertThat(widgetB.stateLabel()).as("B is 전화 수신중 while its phone rings").isEqualTo("전화 수신중");
            assertThat(widgetB.consultedBy()).as("B's console shows who consults it").isEqualTo(agentA.displayName());
            assertThat(digits(widgetB.offerNumber())).as("and for which customer").isEqualTo(CUSTOMER);
            browserB.screenshot("e2e-11-consulted-ringing");
            phoneB.command("accept", null);
        } finally {
            phoneB.command("answermode", "auto");
        }
        phoneB.awaitEvent("CALL_ESTABLISHED", SIP);
        widgetA.awaitState("ON_CALL_TRANSFER");
        assertThat(widgetA.stateLabel()).isEqualTo("통화중(호전환)");
        widgetB.awaitState("ON_CALL_TRANSFER");
        assertThat(widgetB.stateLabel()).as("R3.2 both agents in the consultation").isEqualTo("통화중(호전환)");
        assertThat(widgetB.isEnabled("connectCustomer")).as("A connects, not B").isFalse();
        int consulting = Tones.length(agentHears);
        int customerFrom = Tones.length(customerHears) + 4000;
        hears("A hears B", agentHears, AGENT_B_HZ, consulting);
        musicOnly("during the consultation with B", customerFrom, AGENT_B_HZ);

        widgetA.press("connectCustomer", "AFTER_CALL_WORK");
        assertThat(widgetA.stateLabel()).isEqualTo("업무(티켓처리)");
        phoneA.awaitEvent("CALL_CLOSED", SIP);
        TicketPage[] bTicket = new TicketPage[1];
        await("R3.3 B's console opens the customer's ticket").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> (bTicket[0] = TicketPage.awaitOpened(browserB.driver())).id() == ticketOfCall);
        assertThat(digits(bTicket[0].customer())).isEqualTo(CUSTOMER);
        widgetB = bTicket[0].console().phone().awaitOnline().awaitState("ON_CALL");
        assertThat(widgetB.stateLabel()).as("R3.3 B is 통화중 with the customer").isEqualTo("통화중");
        assertThat(widgetB.showsConsultation()).isFalse();
        browserB.screenshot("e2e-12-transferred-ticket");
        int transferred = Tones.length(customerHears);
        hears("R3.3 the customer hears B", customerHears, AGENT_B_HZ, transferred);
        Path bHears = lastRecording(phoneB);
        hears("B hears the customer", bHears, CUSTOMER_HZ, Tones.length(bHears));
        customer.hangUp();
        phoneB.awaitEvent("CALL_CLOSED", SIP);
        widgetB.awaitState("AFTER_CALL_WORK");
        assertThat(widgetB.stateLabel()).as("R4.1 B after the transferred call").isEqualTo("업무(티켓처리)");
    }

    @Test
    @Order(41)
    @DisplayName("➍ R4.3 after the ticket work A sets 대기 and can take calls again, then R2.2 CTI logout leaves CTI")
    void r4_3_readyAgainThenLogout() {
        widgetA.press("ready", "READY");
        assertThat(widgetA.stateLabel()).isEqualTo("대기");
        widgetA.press("ctiLogout", "LOGGED_OUT");
        assertThat(widgetA.stateLabel()).isEqualTo("CTI 로그아웃");
        assertThat(widgetA.isEnabled("ctiLogin")).isTrue();
    }

    @Test
    @Order(42)
    @DisplayName("➊ R1.1 the contract decides: the system administrator switches 전화 CTI 사용 - OB and - IB off in the browser; "
            + "A (CTI-logged-in) cannot dial and the customer's call is refused; switched on again, the call is offered to A (대기), not to B (R2.3 휴식)")
    void r1_1_contractSwitchesOff() {
        long callerIdId = 0;
        for (JsonNode c : get("/services/" + serviceId + "/caller-ids")) {
            if (c.path("number").asText().equals(e164(callerId))) {
                callerIdId = c.path("id").asLong();
            }
        }
        try (Browser browser = Evidence.watch(Browser.korean())) {
            browser.open().loginAs("sysadmin", "demo1234");
            AdminPage page = AdminPage.fromHeader(browser.driver(), "navSystem");
            page.toggle(page.row("servicesForm:services", serviceName) + "outbound").awaitMessage(SAVED);
            page.toggle(page.row("servicesForm:services", serviceName) + "inbound");
            assertThat(page.isOn(page.row("servicesForm:services", serviceName) + "inbound")).isFalse();
            assertThat(page.isOn(page.row("servicesForm:services", serviceName) + "outbound")).isFalse();

            widgetA.press("ctiLogin", "WORK");
            outside.clearEvents();
            int dial = status(agentA.username() + ":" + agentA.password(), "POST", "/cti/agent/dial",
                    JSON.createObjectNode().put("number", OUTSIDE).put("callerId", callerIdId));
            assertThat(dial).as("R1.1 no CTI outbound: the dial is refused").isBetween(400, 499);
            assertThat(widgetA.state()).isEqualTo("WORK");

            customer.clearEvents();
            customer.dial("sip:" + did + "@" + server());
            customer.awaitEvent("CALL_CLOSED", SIP);
            assertThat(customer.saw("CALL_ESTABLISHED")).as("R1.1 no CTI inbound: the call is refused").isFalse();
            assertThat(outside.saw("CALL_INCOMING")).as("nothing was dialled").isFalse();

            page.toggle(page.row("servicesForm:services", serviceName) + "inbound");
            page.toggle(page.row("servicesForm:services", serviceName) + "outbound");
            assertThat(page.isOn(page.row("servicesForm:services", serviceName) + "inbound")).isTrue();
            Evidence.forget(browser);
        }
        widgetB.press("break", "BREAK");
        assertThat(widgetB.stateLabel()).isEqualTo("휴식");
        widgetA.press("ready", "READY");
        customer.clearEvents();
        customer.dial("sip:" + did + "@" + server());
        customer.awaitEvent("CALL_ESTABLISHED", SIP);
        widgetA.awaitState("OFFERED").awaitBlinking(true);
        assertThat(widgetB.isBlinking()).as("R2.3 휴식: B is offered nothing").isFalse();
        customer.hangUp();
        widgetA.awaitBlinking(false);
        widgetA.press("ctiLogout", "LOGGED_OUT");
    }

    // the steps' common moves

    /** a new customer call, offered to A (Ready), answered in the browser: the ticket opens and audio flows both ways */
    private static void answeredByA() {
        customer.clearEvents();
        phoneA.clearEvents();
        customer.dial("sip:" + did + "@" + server());
        customer.awaitEvent("CALL_ESTABLISHED", SIP);
        customerHears = lastRecording(customer);
        widgetA.awaitState("OFFERED").awaitBlinking(true);
        assertThat(digits(widgetA.offerNumber())).isEqualTo(CUSTOMER);
        widgetA.press("answer");
        TicketPage ticket = newTicket(browserA, ticketOfCall);
        assertThat(digits(ticket.customer())).isEqualTo(CUSTOMER);
        ticketOfCall = ticket.id();
        widgetA = ticket.console().phone().awaitOnline().awaitState("ON_CALL");
        phoneA.awaitEvent("CALL_ESTABLISHED", SIP);
        agentHears = lastRecording(phoneA);
        hears("A's phone hears the customer", agentHears, CUSTOMER_HZ, 0);
        hears("the customer hears A", customerHears, AGENT_A_HZ, Tones.length(customerHears));
    }

    /** R2.5 the console navigates to the new call's ticket: a ticket page other than the one shown before */
    private static TicketPage newTicket(Browser browser, long before) {
        TicketPage[] page = new TicketPage[1];
        await("the new ticket's page").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            page[0] = TicketPage.awaitOpened(browser.driver());
            return page[0].id() != before;
        });
        return page[0];
    }

    /** the outside party's phone rings with the consultation and is answered: A is 통화중(호전환) and hears it, the customer music only */
    private static void consultationAnswered() {
        outside.awaitEvent("CALL_INCOMING", SIP);
        outside.command("accept", null);
        outside.awaitEvent("CALL_ESTABLISHED", SIP);
        widgetA.awaitState("ON_CALL_TRANSFER");
        assertThat(widgetA.stateLabel()).isEqualTo("통화중(호전환)");
        widgetA.awaitEnabled("connectCustomer", true);
        assertThat(widgetA.isEnabled("cancelConsult")).isTrue();
        int consulting = Tones.length(agentHears);
        int customerFrom = Tones.length(customerHears) + 4000;
        hears("A hears the outside party", agentHears, OUTSIDE_HZ, consulting);
        musicOnly("during the consultation", customerFrom, OUTSIDE_HZ);
    }

    /** two seconds of what the customer hears from {@code from}: music (energy), neither A nor {@code other} */
    private static void musicOnly(String when, int from, int other) {
        await("2 s " + when).atMost(SIP).pollInterval(Duration.ofMillis(500)).until(() -> Tones.length(customerHears) >= from + 2 * 8000);
        assertThat(Tones.rms(customerHears, from)).as("the customer hears music " + when).isGreaterThan(0.01);
        assertThat(Tones.blocksWith(customerHears, AGENT_A_HZ, from)).as("A is not heard " + when).isLessThan(3);
        assertThat(Tones.blocksWith(customerHears, other, from)).as(other + " Hz is not heard " + when).isLessThan(3);
    }

    private static void hears(String what, Path recording, int hz, int from) {
        await(what).atMost(SIP).pollInterval(Duration.ofMillis(500)).until(() -> Tones.blocksWith(recording, hz, from) >= TWO_SECONDS);
    }

    /** 20 ms blocks from sample {@code from} on whose level is well above silence */
    private static int loudBlocks(Path file, int from) {
        short[] s = Tones.Wav.read(file).samples();
        int count = 0;
        for (int start = from; start + 160 <= s.length; start += 160) {
            double sum = 0;
            for (int i = start; i < start + 160; i++) {
                sum += (double) s[i] * s[i];
            }
            if (Math.sqrt(sum / 160) > 1000) {
                count++;
            }
        }
        return count;
    }

    private static Baresip agentPhone(Agent agent, int hz) {
        Baresip phone = Baresip.start("agent-" + agent.ctiNumber(), "<sip:" + agent.ctiNumber() + "@" + server() + ">;auth_pass="
                + agent.sipPassword() + ";regint=600;answermode=auto", hz, true);
        phone.awaitRegistered();
        return phone;
    }

    private static String server() {
        return SipPeers.HOST + ":" + SipPeers.SERVER_PORT;
    }

    /** the peer's recording of the call it is in: every step asks once per new call, so a recording handed out before is an older call's */
    private static Path lastRecording(Baresip peer) {
        Path before = RECORDINGS.get(peer);
        await(peer + " records the new call").atMost(SIP).pollInterval(Duration.ofMillis(100))
                .until(() -> !peer.receivedAudio().isEmpty() && !peer.receivedAudio().getLast().equals(before));
        Path now = peer.receivedAudio().getLast();
        RECORDINGS.put(peer, now);
        return now;
    }

    private static final java.util.Map<Baresip, Path> RECORDINGS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }

    /** a Korean number as stored: E.164 */
    private static String e164(String number) {
        return "+82" + digits(number).substring(1);
    }

    private static String extension() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    private static JsonNode user(Agent a) {
        for (JsonNode u : get("/services/" + serviceId + "/users")) {
            if (u.path("username").asText().equals(a.username())) {
                return u;
            }
        }
        throw new AssertionError("no user " + a.username());
    }

    /** changes CTI settings over the API, keeping the rest as the admin screen saved them */
    private static void putSettings(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode settings = (ObjectNode) get("/services/" + serviceId + "/cti/settings");
        change.accept(settings);
        send("PUT", "/services/" + serviceId + "/cti/settings", settings);
    }

    // the system administrator's REST calls, for what the journey reads back or sets up outside the manual

    private static JsonNode get(String path) {
        return send("GET", path, null);
    }

    private static JsonNode send(String method, String path, JsonNode body) {
        return send("sysadmin:demo1234", method, path, body);
    }

    private static int status(String login, String method, String path, JsonNode body) {
        try {
            return HTTP.send(request(login, method, path, body), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest request(String login, String method, String path, JsonNode body) {
        return HttpRequest.newBuilder(URI.create(Browser.BASE + "/api" + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static JsonNode send(String login, String method, String path, JsonNode body) {
        try {
            HttpResponse<String> response = HTTP.send(request(login, method, path, body), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isBetween(200, 299);
            return response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
