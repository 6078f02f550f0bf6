package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.it.console.Browser;
import org.sangdam.it.console.ConsolePage;
import org.sangdam.it.console.DialDialog;
import org.sangdam.it.console.PhoneWidget;
import org.sangdam.it.console.TicketPage;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls as the agent sees them in the browser. Until the SIP layer lands, the phone
 * network is the test WAR's ({@link Network}): it makes customer calls arrive and
 * reports answers, as SIP will.
 */
@DisplayName("R2.4-R2.8, R4 calls in the browser: offer, answer, recall, dial, after-call work")
class ConsoleCallIT extends SangdamIT {

    private static PhoneWidget readyInBrowser(Browser browser, Fixtures.Member agent) {
        PhoneWidget phone = browser.open().loginAs(agent.username(), agent.password()).phone().awaitOnline();
        phone.press("ctiLogin", "WORK");
        return phone.press("ready", "READY");
    }

    @Test
    @DisplayName("R2.4/R2.5 an inbound call makes the widget blink and ring with the caller's number and earlier tickets; Answer opens the new ticket page; R4.1 hang-up leaves 업무(티켓처리), R4.3 then 대기")
    void inboundAnswerOpensTicket() {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        String customer = "010-2" + (100 + (int) (Math.random() * 800)) + "-3333";

        // an earlier contact of the same customer, handled over the API
        Desk desk = new Desk(agent).ready();
        Network.customerCalls(did, customer);
        desk.awaitState("OFFERED");
        long earlierTicket = desk.ok("answer").path("call").path("ticketId").asLong();
        desk.ok("hang-up");

        try (Browser browser = Browser.korean()) {
            PhoneWidget phone = browser.open().loginAs(agent.username(), agent.password()).phone().awaitOnline();
            assertThat(phone.stateLabel()).as("R4.1 after the call").isEqualTo("업무(티켓처리)");
            phone.press("ready", "READY");
            assertThat(phone.isBlinking()).isFalse();

            long call = Network.customerCalls(did, customer);
            phone.awaitState("OFFERED").awaitBlinking(true);
            assertThat(phone.stateLabel()).isEqualTo("전화 수신중");
            assertThat(phone.isRinging()).as("R2.4 rings").isTrue();
            assertThat(phone.offerNumber()).isEqualTo(customer);
            assertThat(phone.previousTickets()).as("earlier tickets of this number").hasSize(1)
                    .first().asString().contains("#" + earlierTicket);
            assertThat(phone.isEnabled("answer")).isTrue();
            assertThat(phone.isEnabled("ready")).as("a ringing agent cannot change status").isFalse();
            browser.screenshot("console-offer");

            phone.press("answer");
            TicketPage ticket = TicketPage.awaitOpened(browser.driver());
            assertThat(ticket.id()).isNotEqualTo(earlierTicket);
            assertThat(ticket.customer()).isEqualTo(customer);
            assertThat(ticket.direction()).isEqualTo("수신");
            assertThat(ticket.timelineKinds()).as("the call timeline from arrival to connect").containsSubsequence("ARRIVED", "OFFER_MADE", "ANSWERED", "CONNECTED");
            phone = ticket.console().phone().awaitOnline().awaitState("ON_CALL");
            assertThat(phone.isBlinking()).isFalse();
            assertThat(phone.isRinging()).as("the ring stops on answer").isFalse();
            assertThat(phone.callNumber()).isEqualTo(customer);
            PhoneWidget onCall = phone;
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(onCall.callTimer()).matches("0:0[1-9]"));
            assertThat(Network.commands()).as("Answer connects the agent's device").anyMatch(c -> c.startsWith("connect " + call + " "));
            browser.screenshot("ticket");

            Network.report(call, "customer-hung-up");
            phone.awaitState("AFTER_CALL_WORK");
            assertThat(phone.stateLabel()).isEqualTo("업무(티켓처리)");
            phone.awaitEnabled("hangUp", false);
            phone.press("ready", "READY");
        }
    }

    @Test
    @DisplayName("R2.6 recall: the blinking stops on agent 1's widget when the call is taken back, and starts on agent 2's")
    void recallMovesTheBlinking() {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Fixtures.recallSeconds(svc, 5);
        Fixtures.Member first = Fixtures.phoneAgent(svc);
        Fixtures.Member second = Fixtures.phoneAgent(svc);
        try (Browser one = Browser.korean(); Browser two = Browser.korean()) {
            PhoneWidget phone1 = readyInBrowser(one, first);
            // agent 2 becomes Ready later: agent 1 has been idle longest and gets the call first
            PhoneWidget phone2 = readyInBrowser(two, second);

            Network.customerCalls(did, "010-5555-0101");
            phone1.awaitState("OFFERED").awaitBlinking(true);
            assertThat(phone2.isBlinking()).as("never offered to two agents at once").isFalse();

            phone1.awaitBlinking(false);
            assertThat(phone1.isRinging()).isFalse();
            assertThat(phone1.state()).as("a missed offer leaves Work 'no answer'").isEqualTo("WORK");
            assertThat(phone1.reason()).as("the system's reason in Korean").isEqualTo("응답 없음");
            phone2.awaitState("OFFERED").awaitBlinking(true);
            assertThat(phone2.isRinging()).isTrue();
            assertThat(phone2.offerNumber()).isEqualTo("010-5555-0101");
            phone2.press("answer");
            TicketPage.awaitOpened(two.driver());
        }
    }

    @Test
    @DisplayName("R2.7/R1.5 Dial offers only the service's approved caller IDs, refuses a malformed number as you type; R2.8 Dialing, then the customer answers and the ticket opens")
    void dialApprovedCallerIdsOnly() {
        long svc = Fixtures.newService();
        long other = Fixtures.newService();
        String approved = Fixtures.landline();
        long approvedId = Fixtures.SYSADMIN.post("/services/" + svc + "/caller-ids", Api.map("number", approved)).id();
        assertThat(Fixtures.SYSADMIN.post("/services/" + svc + "/caller-ids/" + approvedId + "/approve", null).status()).isEqualTo(200);
        Fixtures.SYSADMIN.post("/services/" + svc + "/caller-ids", Api.map("number", Fixtures.landline()));
        long rejected = Fixtures.SYSADMIN.post("/services/" + svc + "/caller-ids", Api.map("number", Fixtures.landline())).id();
        assertThat(Fixtures.SYSADMIN.post("/services/" + svc + "/caller-ids/" + rejected + "/reject", Api.map("reason", "not ours")).status()).isEqualTo(200);
        long foreign = Fixtures.SYSADMIN.post("/services/" + other + "/caller-ids", Api.map("number", Fixtures.landline())).id();
        Fixtures.SYSADMIN.post("/services/" + other + "/caller-ids/" + foreign + "/approve", null);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);

        try (Browser browser = Browser.korean()) {
            PhoneWidget phone = browser.open().loginAs(agent.username(), agent.password()).phone().awaitOnline();
            assertThat(phone.isPresent("dial")).as("R2.7 only while CTI-logged-in: before it the widget offers CTI login only").isFalse();
            phone.press("ctiLogin", "WORK");

            DialDialog dial = phone.openDial();
            assertThat(dial.callerIds()).as("approved ones only").containsExactly(approved);
            dial.type("010-12").awaitInvalid();
            assertThat(dial.invalidMessage()).isEqualTo("올바른 전화번호가 아닙니다.");
            assertThat(dial.confirmEnabled()).isFalse();
            dial.type("call-me").awaitInvalid();
            assertThat(dial.confirmEnabled()).isFalse();
            dial.type("010-1234-5678").awaitValid().awaitConfirmEnabled(true);
            browser.screenshot("dial-dialog");
            dial.confirm();

            phone.awaitState("DIALING");
            assertThat(phone.stateLabel()).isEqualTo("발신중");
            phone.awaitEnabled("hangUp", true); // a dial can be given up
            long call = new Desk(agent).callId();
            assertThat(Network.commands()).anyMatch(c -> c.startsWith("dial " + call + " ") && c.contains("+821012345678"));

            Network.report(call, "customer-answered");
            TicketPage ticket = TicketPage.awaitOpened(browser.driver());
            assertThat(ticket.direction()).isEqualTo("발신");
            ticket.console().phone().awaitState("ON_CALL");
        }
    }
}
