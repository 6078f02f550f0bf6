package org.sangdam.it.sip;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sangdam.it.sip.PhoneCallIT.AGENT_HZ;
import static org.sangdam.it.sip.PhoneCallIT.SIP;
import static org.sangdam.it.sip.PhoneCallIT.TWO_SECONDS;
import static org.sangdam.it.sip.PhoneCallIT.agentPhone;
import static org.sangdam.it.sip.PhoneCallIT.connect;
import static org.sangdam.it.sip.PhoneCallIT.customer;
import static org.sangdam.it.sip.PhoneCallIT.lastRecording;
import static org.sangdam.it.sip.PhoneCallIT.server;

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
    private static final Duration PROMPT = Duration.ofSeconds(40);

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
            customer.dial("sip:" + did + "@" + server());
            customer.awaitEvent("CALL_ESTABLISHED", SIP);
            Path heard = lastRecording(customer);
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
            customer.dial("sip:" + did + "@" + server());
            customer.awaitEvent("CALL_ESTABLISHED", SIP);
            Path heard = lastRecording(customer);
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
            customer.dial("sip:" + did + "@" + server());
            customer.awaitEvent("CALL_ESTABLISHED", SIP);
            Path heard = lastRecording(customer);
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

    /** 20 ms blocks from sample {@code from} on whose level is well above silence */
    private static int speechBlocks(Path file, int from) {
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
}
