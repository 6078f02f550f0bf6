package org.sangdam.it.sip;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sangdam.it.sip.SipCalls.AGENT_HZ;
import static org.sangdam.it.sip.SipCalls.SIP;
import static org.sangdam.it.sip.SipCalls.TWO_SECONDS;
import static org.sangdam.it.sip.SipCalls.agentPhone;
import static org.sangdam.it.sip.SipCalls.answer;
import static org.sangdam.it.sip.SipCalls.calls;
import static org.sangdam.it.sip.SipCalls.connect;
import static org.sangdam.it.sip.SipCalls.customer;
import static org.sangdam.it.sip.SipCalls.lastRecording;
import static org.sangdam.it.sip.SipCalls.ringingAgentPhone;
import static org.sangdam.it.sip.SipCalls.soundBlocks;
import static org.sangdam.it.sip.SipCalls.toneWav;

/**
 * A DID's scenario (R2.6) and the abusive-call announcement (R3.6) with real peers: baresip
 * as the customer presses keys (RFC 4733) and records what it hears; the built-in prompts
 * (espeak-ng speech, see sip-servlet's {@code org/sangdam/media/prompts}) must be heard over
 * their length, then the call ends with BYE.
 */
@DisplayName("Issue 7 scenarios and the abusive-call announcement with real peers and real audio")
class ScenarioCallIT extends SipIT {
    /** the built-in prompts' lengths (prompts/README.md), in 20 ms blocks */
    private static final int CLOSED_BLOCKS = 15_190 / 20;
    private static final int ABUSIVE_BLOCKS = 11_650 / 20;
    private static final int CALL_LATER_BLOCKS = 16_810 / 20;
    /** blocks of speech (well above silence) in the built-in greeting and please-wait prompts, as sent */
    private static final int GREETING_SPEECH = 99;
    private static final int PLEASE_WAIT_SPEECH = 295;
    private static final int CALL_LATER_SPEECH = 470;
    private static final Duration PROMPT = Duration.ofSeconds(40);
    /** the tone of the queue music a system administrator uploads */
    private static final int MUSIC_HZ = 1000;

    @Test
    @DisplayName("R2.6 a menu digit (RFC 4733) routes the call to that queue's agent; the other queue's Ready agent is not offered it")
    void menuDigitChoosesTheQueue() {
        SipAdmin.PhoneAgent sales = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent support = SipAdmin.newPhoneAgentIn(sales.serviceId());
        SipAdmin.answersQueues(sales, "sales");
        SipAdmin.answersQueues(support, "support");
        String did = SipAdmin.newInboundNumber(sales.serviceId(), """
                {"menu": {"prompt": "default-greeting", "choices": {"1": "sales", "2": "support"},
                          "timeoutSeconds": 10, "attempts": 1, "fallbackQueue": "sales"},
                 "queue": {"music": "default-moh"}}""");
        try (Baresip supportPhone = agentPhone(support); Baresip customer = customer("01044445555")) {
            CtiDesk salesDesk = new CtiDesk(sales).ready();
            CtiDesk supportDesk = new CtiDesk(support).ready();
            Path heard = calls(customer, did);
            await("the menu prompt is heard").atMost(SIP).pollInterval(Duration.ofMillis(200)).until(() -> speechBlocks(heard, 0) >= 25);
            assertThat(supportDesk.state()).as("nobody is offered the call before the caller chooses").isEqualTo("READY");

            customer.command("sndcode", "2");
            supportDesk.awaitState("OFFERED", SIP);
            assertThat(salesDesk.state()).as("the sales agent is not offered a support call").isEqualTo("READY");
            supportDesk.act("answer");
            supportPhone.awaitEvent("CALL_ESTABLISHED", SIP);
            await("the customer hears the support agent").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(heard, AGENT_HZ) >= TWO_SECONDS);
            customer.hangUp();
            supportDesk.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    @Test
    @DisplayName("R2.6 out of hours the caller hears the closed prompt over its whole length, then BYE; no agent is offered the call")
    void outOfHoursPlaysTheClosedPromptThenHangsUp() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        String did = SipAdmin.newInboundNumber(agent.serviceId(), """
                {"hours": {"zone": "Asia/Seoul", "open": {"MON": "09:00-18:00"},
                           "holidays": ["%s", "%s", "%s"], "closedPrompt": "default-closed"},
                 "queue": {"music": "default-moh"}}""".formatted(today.minusDays(1), today, today.plusDays(1)));
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01066667777")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            Path heard = calls(customer, did);
            customer.awaitEvent("CALL_CLOSED", PROMPT);

            int blocks = Tones.length(heard) / 160;
            assertThat(blocks).as("the call lasted the prompt before BYE").isGreaterThanOrEqualTo(CLOSED_BLOCKS - 50);
            assertThat(speechBlocks(heard, 0)).as("speech over the closed prompt's length").isGreaterThan(CLOSED_BLOCKS / 2);
            assertThat(speechBlocks(heard, (CLOSED_BLOCKS - 250) * 160))
                    .as("its last five seconds (the English part) are heard too").isGreaterThan(50);
            assertThat(desk.state()).as("no agent was offered the call").isEqualTo("READY");
            assertThat(phone.saw("CALL_INCOMING") || phone.saw("CALL_ESTABLISHED")).isFalse();
        }
    }

    @Test
    @DisplayName("R2.6 nobody free for N seconds with HANG_UP: queue music for N s, then the call-later prompt over its length, then BYE")
    void noAgentHangsUpPolitely() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId(), """
                {"queue": {"music": "default-moh"},
                 "noAgent": {"afterSeconds": 5, "action": "HANG_UP", "prompt": "default-call-later"}}""");
        try (Baresip customer = customer("01012121212")) {
            CtiDesk desk = new CtiDesk(agent);
            desk.act("login"); // in Work: nobody takes the call
            Path heard = calls(customer, did);
            customer.awaitEvent("CALL_CLOSED", PROMPT);

            int blocks = Tones.length(heard) / 160;
            assertThat(blocks).as("5 s of music, then the prompt, before BYE").isGreaterThanOrEqualTo(5_000 / 20 + CALL_LATER_BLOCKS - 50);
            assertThat(speechBlocks(heard, 5 * 8000)).as("the call-later prompt is heard over its length").isGreaterThan(CALL_LATER_BLOCKS / 2);
        }
    }

    @Test
    @DisplayName("R3.6 abusive termination: the agent's phone is hung up at once, the customer hears the announcement over its length, then BYE; "
            + "the agent is in after-call work and the ticket is marked")
    void abusiveTerminationAnnouncesThenHangsUp() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01088889999")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            long ticket = connect(customer, did, desk, phone, "01088889999");
            Path heard = lastRecording(customer);
            await("the customer hears the agent").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(heard, AGENT_HZ) >= TWO_SECONDS);

            int from = Tones.length(heard);
            desk.act("abusive-termination");
            phone.awaitEvent("CALL_CLOSED", Duration.ofSeconds(5));
            desk.awaitState("AFTER_CALL_WORK", SIP);
            assertThat(customer.saw("CALL_CLOSED")).as("the customer is still hearing the announcement").isFalse();

            customer.awaitEvent("CALL_CLOSED", PROMPT);
            int blocks = (Tones.length(heard) - from) / 160;
            assertThat(blocks).as("the call lasted the announcement before BYE").isGreaterThanOrEqualTo(ABUSIVE_BLOCKS - 50);
            assertThat(speechBlocks(heard, from)).as("speech over the announcement's length").isGreaterThan(ABUSIVE_BLOCKS / 2);
            assertThat(Tones.blocksWith(heard, AGENT_HZ, from + 8000)).as("the agent is not heard any more").isLessThan(5);
            assertThat(desk.ticketEvents(ticket)).contains("ABUSIVE_TERMINATION");
        }
    }

    @Test
    @DisplayName("R3.6 the service's own announcement: an uploaded WAV chosen in the CTI settings is what the customer hears before BYE")
    void abusiveTerminationPlaysTheServicesUploadedAnnouncement() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        SipAdmin.uploadPrompt(agent.serviceId(), "abusive-tone", "ANNOUNCEMENT", toneWav(MUSIC_HZ, 3));
        SipAdmin.announcement(agent.serviceId(), "abusive-tone");
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01087878787")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            connect(customer, did, desk, phone, "01087878787");
            Path heard = lastRecording(customer);
            await("the customer hears the agent").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(heard, AGENT_HZ) >= TWO_SECONDS);

            int from = Tones.length(heard);
            desk.act("abusive-termination");
            customer.awaitEvent("CALL_CLOSED", PROMPT);
            assertThat(Tones.blocksWith(heard, MUSIC_HZ, from)).as("the uploaded 3 s announcement, not the built-in speech").isGreaterThanOrEqualTo(100);
            desk.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    @Test
    @DisplayName("R2.6 menu retry and fallback: a wrong key (RFC 4733) replays the menu, silence replays it again, and after the last attempt "
            + "the call goes to the fallback queue, whose agent is offered it; the chosen-by-key queue's Ready agent is not")
    void menuRetriesThenFallsBack() {
        SipAdmin.PhoneAgent sales = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent support = SipAdmin.newPhoneAgentIn(sales.serviceId());
        SipAdmin.answersQueues(sales, "sales");
        SipAdmin.answersQueues(support, "support");
        String did = SipAdmin.newInboundNumber(sales.serviceId(), """
                {"menu": {"prompt": "default-greeting", "choices": {"1": "sales"},
                          "timeoutSeconds": 2, "attempts": 3, "fallbackQueue": "support"},
                 "queue": {"music": "default-moh"}}""");
        try (Baresip supportPhone = agentPhone(support); Baresip customer = customer("01023232323")) {
            CtiDesk salesDesk = new CtiDesk(sales).ready();
            CtiDesk supportDesk = new CtiDesk(support).ready();
            Path heard = calls(customer, did);
            await("most of the menu prompt is heard").atMost(SIP).pollInterval(Duration.ofMillis(100))
                    .until(() -> speechBlocks(heard, 0) >= GREETING_SPEECH * 6 / 10);

            customer.command("sndcode", "9"); // no such choice: attempt 1 failed
            int pressed = Tones.length(heard);
            await("the menu is played again from its start").atMost(SIP).pollInterval(Duration.ofMillis(200))
                    .until(() -> speechBlocks(heard, pressed) >= GREETING_SPEECH * 8 / 10);
            assertThat(supportDesk.state()).as("no fallback after one wrong key").isEqualTo("READY");
            // then silence: attempt 2 times out, the menu plays a third time, attempt 3 times out
            supportDesk.awaitState("OFFERED", PROMPT);
            assertThat(speechBlocks(heard, pressed)).as("the menu was heard twice more before the fallback")
                    .isGreaterThanOrEqualTo(GREETING_SPEECH * 16 / 10);
            assertThat(salesDesk.state()).as("the sales agent is not offered the call").isEqualTo("READY");

            answer(supportDesk, supportPhone, "01023232323");
            int connected = Tones.length(heard);
            await("the customer hears the support agent").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(heard, AGENT_HZ, connected) >= TWO_SECONDS);
            customer.hangUp();
            supportDesk.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    @Test
    @DisplayName("R1.3/R2.6 an uploaded WAV as the scenario's queue music is what the caller hears (its tone by Goertzel); nobody Ready for 5 s "
            + "with PLAY_PROMPT: the please-wait prompt over its length, then the music again, and the call stays queued for an agent who becomes Ready")
    void uploadedMusicAndPleaseWaitPrompt() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        SipAdmin.uploadPrompt(agent.serviceId(), "queue-tone", "MUSIC", toneWav(MUSIC_HZ, 4));
        String did = SipAdmin.newInboundNumber(agent.serviceId(), """
                {"queue": {"music": "queue-tone"},
                 "noAgent": {"afterSeconds": 5, "action": "PLAY_PROMPT", "prompt": "default-please-wait"}}""");
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01031313131")) {
            CtiDesk desk = new CtiDesk(agent);
            desk.act("login"); // in Work: nobody is Ready
            Path heard = calls(customer, did);
            await("the uploaded tone is the queue music").atMost(SIP).pollInterval(Duration.ofMillis(200))
                    .until(() -> Tones.blocksWith(heard, MUSIC_HZ) >= TWO_SECONDS);
            await("the please-wait prompt over its length").atMost(PROMPT).pollInterval(Duration.ofMillis(500))
                    .until(() -> soundBlocks(heard, 0, MUSIC_HZ) >= PLEASE_WAIT_SPEECH * 8 / 10);
            int announced = Tones.length(heard);
            await("the music again after the prompt").atMost(PROMPT).pollInterval(Duration.ofMillis(200))
                    .until(() -> Tones.blocksWith(heard, MUSIC_HZ, announced) >= TWO_SECONDS);
            assertThat(SipCalls.toneBlocks(heard, MUSIC_HZ, 0, 4 * 8000)).as("the first 4 s: music, no prompt yet").isGreaterThanOrEqualTo(150);

            desk.choose("READY");
            answer(desk, phone, "01031313131");
            int connected = Tones.length(heard);
            await("the customer hears the agent").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(heard, AGENT_HZ, connected) >= TWO_SECONDS);
            assertThat(Tones.blocksWith(heard, MUSIC_HZ, connected + 8000)).as("no more music once connected").isLessThan(5);
            customer.hangUp();
            desk.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    @Test
    @DisplayName("R2.6 a call back in the queue after the agent's phone refused it hears the scenario's queue music (not the default) "
            + "and its no-agent prompt again; the next Ready agent gets it")
    void backInQueueAfterTheAgentsPhoneRefused() {
        SipAdmin.PhoneAgent first = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent second = SipAdmin.newPhoneAgentIn(first.serviceId());
        SipAdmin.uploadPrompt(first.serviceId(), "queue-tone", "MUSIC", toneWav(MUSIC_HZ, 4));
        String did = SipAdmin.newInboundNumber(first.serviceId(), """
                {"queue": {"music": "queue-tone"},
                 "noAgent": {"afterSeconds": 5, "action": "PLAY_PROMPT", "prompt": "default-please-wait"}}""");
        try (Baresip ringing = ringingAgentPhone(first); Baresip phone2 = agentPhone(second); Baresip customer = customer("01042424242")) {
            CtiDesk desk1 = new CtiDesk(first).ready();
            CtiDesk desk2 = new CtiDesk(second);
            desk2.act("login"); // in Work for now
            Path heard = calls(customer, did);
            desk1.awaitState("OFFERED", SIP);
            desk1.act("answer");
            ringing.awaitEvent("CALL_INCOMING", SIP);
            ringing.hangUp(); // the agent rejects the call on the phone
            desk1.awaitState("WORK", SIP);
            int requeued = Tones.length(heard);

            await("the scenario's music after the return to the queue").atMost(SIP).pollInterval(Duration.ofMillis(200))
                    .until(() -> Tones.blocksWith(heard, MUSIC_HZ, requeued) >= TWO_SECONDS);
            await("the no-agent prompt, checked again in the queue").atMost(PROMPT).pollInterval(Duration.ofMillis(500))
                    .until(() -> soundBlocks(heard, requeued, MUSIC_HZ) >= PLEASE_WAIT_SPEECH * 8 / 10);
            int announced = Tones.length(heard);
            await("the music again after the prompt").atMost(PROMPT).pollInterval(Duration.ofMillis(200))
                    .until(() -> Tones.blocksWith(heard, MUSIC_HZ, announced) >= TWO_SECONDS);

            desk2.choose("READY");
            answer(desk2, phone2, "01042424242");
            int connected = Tones.length(heard);
            await("the customer hears agent 2").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(heard, AGENT_HZ, connected) >= TWO_SECONDS);
            customer.hangUp();
            desk2.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    @Test
    @DisplayName("R2.6 a recalled offer (not answered in the recall time) is back in the scenario's queue phase: no no-agent rule while "
            + "the agent was offered the call, then the scenario's music and the HANG_UP rule counted from the recall")
    void recalledOfferIsBackInTheQueuePhase() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        SipAdmin.recallSeconds(agent.serviceId(), 10);
        SipAdmin.uploadPrompt(agent.serviceId(), "queue-tone", "MUSIC", toneWav(MUSIC_HZ, 4));
        String did = SipAdmin.newInboundNumber(agent.serviceId(), """
                {"queue": {"music": "queue-tone"},
                 "noAgent": {"afterSeconds": 5, "action": "HANG_UP", "prompt": "default-call-later"}}""");
        try (Baresip customer = customer("01053535353")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            Path heard = calls(customer, did);
            desk.awaitState("OFFERED", SIP);
            await("the offer is recalled after 10 s").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !"OFFERED".equals(desk.state()));
            int recalled = Tones.length(heard);
            assertThat(soundBlocks(heard, 0, MUSIC_HZ)).as("no call-later prompt while the agent was offered the call").isLessThan(25);
            assertThat(Tones.blocksWith(heard, MUSIC_HZ)).as("the scenario's music meanwhile").isGreaterThanOrEqualTo(300);
            assertThat(customer.saw("CALL_CLOSED")).isFalse();

            customer.awaitEvent("CALL_CLOSED", PROMPT);
            assertThat(SipCalls.toneBlocks(heard, MUSIC_HZ, recalled, recalled + 4 * 8000)).as("the scenario's music after the recall")
                    .isGreaterThanOrEqualTo(150);
            assertThat(soundBlocks(heard, recalled, MUSIC_HZ)).as("then the call-later prompt over its length, then BYE")
                    .isGreaterThanOrEqualTo(CALL_LATER_SPEECH * 8 / 10);
        }
    }

    private static int speechBlocks(Path file, int from) {
        return soundBlocks(file, from, 0);
    }
}
