package org.sangdam.it.sip;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agent phones against the deployed EAR: a real softphone (baresip) registers
 * with the demo agents' CTI numbers and SIP password (R1.4). Each outcome is seen
 * from both sides: baresip's own registration state ({@code reginfo} over
 * ctrl_tcp, and its log), and the registrar's bindings, asked for by an
 * authenticated REGISTER without Contact (a SIPp query, RFC 3261 §10.2.3).
 */
@DisplayName("R1.4 agent phones register with Sangdam (baresip and SIPp on loopback)")
class AgentPhoneRegistrationIT extends SipIT {
    private static final String DEMO_SIP_PASSWORD = "sip-demo-1234";

    private static String account(String extension, String password, boolean tcp) {
        return "<sip:" + extension + "@" + SipPeers.HOST + ":" + SipPeers.SERVER_PORT + (tcp ? ";transport=tcp" : "")
                + ">;auth_pass=" + password + ";regint=60;answermode=auto";
    }

    /** the contacts the registrar holds for an extension, asked as that extension's phone */
    private static List<String> registeredContacts(String extension, String password) {
        Sipp.Result query = Sipp.scenario("uac-register-query-expect-200").as(extension).credentials(extension, password).run();
        assertThat(query.passed()).as(query.toString()).isTrue();
        return query.lastResponseHeaders("Contact");
    }

    private static String at(Baresip phone) {
        return "@" + SipPeers.HOST + ":" + phone.sipPort;
    }

    @Test
    @DisplayName("R1.4 baresip registers as demo agent 1001 with digest authentication; baresip and the registrar both show it")
    void registersDemoAgent() {
        try (Baresip phone = Baresip.start("1001", account("1001", DEMO_SIP_PASSWORD, false))) {
            phone.awaitRegistered();

            assertThat(phone.reginfo()).contains("sip:1001@" + SipPeers.HOST + ":" + SipPeers.SERVER_PORT).contains("OK");
            assertThat(phone.log()).contains("200 OK (Sangdam) [1 binding]");
            assertThat(registeredContacts("1001", DEMO_SIP_PASSWORD))
                    .anySatisfy(contact -> assertThat(contact).contains(at(phone)).containsPattern("expires=\\d+"));
        }
    }

    @Test
    @DisplayName("R1.4 a phone registers over TCP as well")
    void registersOverTcp() {
        try (Baresip phone = Baresip.start("1002-tcp", account("1002", DEMO_SIP_PASSWORD, true))) {
            phone.awaitRegistered();

            assertThat(phone.log()).contains("TCP").contains("200 OK (Sangdam)");
            assertThat(registeredContacts("1002", DEMO_SIP_PASSWORD))
                    .anySatisfy(contact -> assertThat(contact).contains(at(phone)).containsIgnoringCase("transport=tcp"));
        }
    }

    @Test
    @DisplayName("R1.4 a wrong password is refused with 403 after the challenge, and the agent's registered phone is untouched")
    void wrongPassword() {
        try (Baresip good = Baresip.start("1003-good", account("1003", DEMO_SIP_PASSWORD, false));
             Baresip bad = Baresip.start("1003-bad", account("1003", "not-the-password", false))) {
            good.awaitRegistered();
            bad.awaitRefused();

            assertThat(bad.log()).contains("403 Forbidden");
            assertThat(registeredContacts("1003", DEMO_SIP_PASSWORD))
                    .anySatisfy(contact -> assertThat(contact).contains(at(good)))
                    .noneSatisfy(contact -> assertThat(contact).contains(at(bad)));
        }
    }

    @Test
    @DisplayName("R1.4 an extension nobody has is refused with the same 403 (no way to tell which extensions exist)")
    void unknownExtension() {
        try (Baresip phone = Baresip.start("unknown", account("0999", DEMO_SIP_PASSWORD, false))) {
            phone.awaitRefused();
            assertThat(phone.log()).contains("403 Forbidden");
        }
        Sipp.Result sipp = Sipp.scenario("uac-register-expect-403").as("0999").credentials("0999", DEMO_SIP_PASSWORD).run();
        assertThat(sipp.passed()).as(sipp.toString()).isTrue();
    }

    @Test
    @DisplayName("R1.4 several phones per agent; quitting one phone unregisters its contact only")
    void severalPhonesAndUnregister() {
        String number = "1002";
        try (Baresip desk = Baresip.start("1002-desk", account(number, DEMO_SIP_PASSWORD, false));
             Baresip soft = Baresip.start("1002-soft", account(number, DEMO_SIP_PASSWORD, true))) {
            desk.awaitRegistered();
            soft.awaitRegistered();
            assertThat(registeredContacts(number, DEMO_SIP_PASSWORD))
                    .anySatisfy(contact -> assertThat(contact).contains(at(desk)))
                    .anySatisfy(contact -> assertThat(contact).contains(at(soft)));

            desk.quit(); // baresip sends REGISTER with expires=0 on the way out

            await("desk phone unregistered").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(registeredContacts(number, DEMO_SIP_PASSWORD))
                            .noneSatisfy(contact -> assertThat(contact).contains(at(desk)))
                            .anySatisfy(contact -> assertThat(contact).contains(at(soft))));
        }
    }
}
