package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.it.console.AbusiveDialog;
import org.sangdam.it.console.Browser;
import org.sangdam.it.console.PhoneWidget;
import org.sangdam.it.console.TicketPage;
import org.sangdam.it.console.TransferDialog;

import static org.assertj.core.api.Assertions.assertThat;

/** R3 in the browser; the phone network is the test WAR's until the SIP layer lands. */
@DisplayName("R3 during a call in the browser: hold, the transfer dialog's three ways, abusive termination, shortcuts")
class ConsoleInCallIT extends SangdamIT {

    record OnCall(PhoneWidget phone, long callId, Fixtures.Member agent) {
    }

    /** an agent in the browser on an answered inbound call of a new number of {@code svc} */
    private static OnCall answeredCall(Browser browser, long svc) {
        String did = Fixtures.inboundNumber(svc);
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        PhoneWidget phone = browser.open().loginAs(agent.username(), agent.password()).phone().awaitOnline();
        phone.press("ctiLogin", "WORK").press("ready", "READY");
        long call = Network.customerCalls(did, "010-4444-5555");
        phone.awaitState("OFFERED").press("answer");
        phone = TicketPage.awaitOpened(browser.driver()).console().phone().awaitOnline().awaitState("ON_CALL");
        return new OnCall(phone, call, agent);
    }

    @Test
    @DisplayName("R3.7/R3.5 Hold and Release, each enabled only when allowed; keyboard: Alt+H holds and releases, Alt+X hangs up, Alt+A answers")
    void holdReleaseAndShortcuts() {
        long svc = Fixtures.newService();
        Fixtures.recallSeconds(svc, 120); // nothing here is about recall: a slow browser must not lose the offer
        try (Browser browser = Browser.korean()) {
            OnCall c = answeredCall(browser, svc);
            PhoneWidget phone = c.phone();
            assertThat(phone.isEnabled("hold")).isTrue();
            assertThat(phone.isEnabled("release")).isFalse();
            assertThat(phone.isEnabled("connectCustomer")).isFalse();
            phone.press("hold", "ON_HOLD");
            assertThat(phone.stateLabel()).isEqualTo("보류중");
            assertThat(phone.isEnabled("hold")).isFalse();
            assertThat(phone.isEnabled("release")).isTrue();
            phone.press("release", "ON_CALL");
            assertThat(phone.stateLabel()).isEqualTo("통화중");

            phone.shortcut('h').awaitState("ON_HOLD");
            phone.shortcut('h').awaitState("ON_CALL");
            phone.shortcut('x').awaitState("AFTER_CALL_WORK");
            assertThat(Network.commands()).contains("hold " + c.callId(), "release " + c.callId(), "hang-up " + c.callId());

            phone.press("ready", "READY");
            String did = Fixtures.inboundNumber(svc);
            Network.customerCalls(did, "010-4444-6666");
            phone.awaitState("OFFERED").shortcut('a');
            TicketPage.awaitOpened(browser.driver()).console().phone().awaitState("ON_CALL");
        }
    }

    @Test
    @DisplayName("R3.1-R3.5 transfer by a typed number: Consult call, then 통화중(호전환) with Connect customer and Cancel; Cancel leaves 보류중, Release returns to the customer")
    void consultTypedNumberThenCancel() {
        long svc = Fixtures.newService();
        Fixtures.recallSeconds(svc, 120); // nothing here is about recall: a slow browser must not lose the offer
        try (Browser browser = Browser.korean()) {
            OnCall c = answeredCall(browser, svc);
            PhoneWidget phone = c.phone();
            TransferDialog transfer = phone.openTransfer();
            transfer.consultNumber("02-555-0199");
            phone.awaitState("ON_HOLD");
            assertThat(phone.consultTarget()).isEqualTo("02-555-0199");
            assertThat(Network.commands()).contains("consult " + c.callId() + " +8225550199");
            assertThat(phone.isEnabled("connectCustomer")).as("not connected yet").isFalse();

            Network.report(c.callId(), "consult-connected");
            phone.awaitState("ON_CALL_TRANSFER");
            assertThat(phone.stateLabel()).isEqualTo("통화중(호전환)");
            phone.awaitEnabled("connectCustomer", true);
            assertThat(phone.isEnabled("cancelConsult")).isTrue();

            phone.press("cancelConsult", "ON_HOLD");
            assertThat(phone.stateLabel()).isEqualTo("보류중");
            phone.awaitNoConsultTarget(); // the cancelled target is not shown any more
            phone.press("release", "ON_CALL");
            assertThat(Network.commands()).contains("cancel-consult " + c.callId());
        }
    }

    @Test
    @DisplayName("R3.1/R1.6 transfer to a frequently used number added in the dialog; a failed consultation comes back 보류중")
    void consultFavourite() {
        long svc = Fixtures.newService();
        Fixtures.recallSeconds(svc, 120); // nothing here is about recall: a slow browser must not lose the offer
        try (Browser browser = Browser.korean()) {
            OnCall c = answeredCall(browser, svc);
            PhoneWidget phone = c.phone();
            String label = "결제팀-" + System.nanoTime() % 1000;
            TransferDialog transfer = phone.openTransfer().addFavourite(label, "1588-5678");
            assertThat(transfer.favourites()).anyMatch(r -> r.contains(label) && r.contains("1588-5678"));
            transfer.connectFavourite(label);
            phone.awaitState("ON_HOLD");
            assertThat(Network.commands()).contains("consult " + c.callId() + " +8215885678");

            Network.report(c.callId(), "consult-failed?cause=486%20Busy%20Here");
            assertThat(phone.notice()).as("the network's reason").isEqualTo("486 Busy Here");
            phone.awaitState("ON_HOLD");
            phone.press("release", "ON_CALL");
        }
    }

    @Test
    @DisplayName("R3.1/R3.3 transfer to a Ready agent found by search: Connect, then Connect customer completes it and the agent goes to 업무(티켓처리); R4.3 then 대기")
    void transferToReadyAgent() {
        long svc = Fixtures.newService();
        Fixtures.recallSeconds(svc, 120); // nothing here is about recall: a slow browser must not lose the offer
        try (Browser browser = Browser.korean()) {
            OnCall c = answeredCall(browser, svc);
            PhoneWidget phone = c.phone();
            // colleagues become Ready once the call is taken, so routing did not give it to them
            Desk colleague = new Desk(Fixtures.phoneAgent(svc)).ready();
            Desk otherColleague = new Desk(Fixtures.phoneAgent(svc)).ready();
            String colleagueNumber = Fixtures.SYSADMIN.get("/services/" + svc + "/users/" + colleague.id() + "/cti").body().path("ctiNumber").asText();
            TransferDialog transfer = phone.openTransfer().addFavourite("결제팀", "1588-5678").awaitReadyAgents(2);
            browser.screenshot("transfer-dialog");
            transfer.searchAgents("nobody-" + svc).awaitReadyAgents(0);
            assertThat(transfer.noReadyAgentsHint()).as("a search nobody matches says so").isEqualTo("대기 중인 상담원이 없습니다.");
            transfer.searchAgents(colleague.agent.username()).awaitReadyAgents(1);
            assertThat(transfer.readyAgents().get(0)).contains(colleagueNumber);
            transfer.connectAgent(colleague.agent.username());
            phone.awaitState("ON_HOLD");
            assertThat(Network.commands()).contains("consult " + c.callId() + " " + colleagueNumber);

            Network.report(c.callId(), "consult-connected");
            assertThat(colleague.state()).as("issue 7: the consulted agent talks with the first one").isEqualTo("ON_CALL_TRANSFER");
            phone.awaitState("ON_CALL_TRANSFER").press("connectCustomer", "AFTER_CALL_WORK");
            assertThat(phone.stateLabel()).isEqualTo("업무(티켓처리)");
            assertThat(colleague.state()).as("issue 7: the consulted agent has the customer now").isEqualTo("ON_CALL");
            assertThat(Network.commands()).contains("transfer " + c.callId());
            phone.press("ready", "READY");
            assertThat(otherColleague.state()).isEqualTo("READY");
        }
    }

    @Test
    @DisplayName("R3.6 abusive termination: the dialog shows the service's announcement; Confirm ends the call, 업무(티켓처리), and the ticket records it")
    void abusiveTermination() {
        long svc = Fixtures.newService();
        Fixtures.recallSeconds(svc, 120); // nothing here is about recall: a slow browser must not lose the offer
        Fixtures.prompt(svc, "abusive-ko", "ANNOUNCEMENT");
        Fixtures.SYSADMIN.put("/services/" + svc + "/cti/settings", Api.map("recallSeconds", 120, "initialStatus", "WORK",
                "announcementPrompt", "abusive-ko", "abusiveText", "폭언 및 위협으로 상담을 종료합니다."));
        try (Browser browser = Browser.korean()) {
            OnCall c = answeredCall(browser, svc);
            PhoneWidget phone = c.phone();
            AbusiveDialog dialog = phone.openAbusive();
            assertThat(dialog.announcement()).isEqualTo("폭언 및 위협으로 상담을 종료합니다.");
            browser.screenshot("abusive-dialog");
            dialog.confirm();
            phone.awaitState("AFTER_CALL_WORK");
            assertThat(Network.commands()).contains("play-and-hang-up " + c.callId() + " abusive-ko");

            browser.driver().navigate().refresh();
            TicketPage ticket = TicketPage.awaitOpened(browser.driver());
            assertThat(ticket.timelineKinds()).contains("CONNECTED", "ABUSIVE_TERMINATION");
            assertThat(ticket.timelineTexts()).anyMatch(t -> t.contains("폭언 및 위협으로 상담을 종료합니다."));
        }
    }
}
