package org.sangdam.it.sip;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripted SIP against the deployed EAR with SIPp, one scenario per expected
 * outcome (named like {@code uac-register-expect-403}): what the registrar and
 * the dispatcher answer, and that refused requests change nothing. Agents are
 * made through the REST API (R1.2, R1.4) so each test has its own extension.
 */
@DisplayName("R1.4 registrar and SIP dispatch answers (SIPp on loopback)")
class RegistrarRequestsIT extends SipIT {

    private static Sipp.Result run(Sipp sipp) {
        Sipp.Result result = sipp.run();
        assertThat(result.passed()).as(result.toString()).isTrue();
        return result;
    }

    private static Sipp as(String scenario, SipAdmin.PhoneAgent agent) {
        return Sipp.scenario(scenario).as(agent.ctiNumber()).credentials(agent.ctiNumber(), agent.sipPassword());
    }

    private static List<String> contactsOf(SipAdmin.PhoneAgent agent) {
        return run(as("uac-register-query-expect-200", agent)).lastResponseHeaders("Contact");
    }

    @Test
    @DisplayName("R1.4 an agent's phone registers with the password the administrator set; the 200 grants the asked expiry")
    void registers() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();

        Sipp.Result ok = run(as("uac-register-expect-200", agent).key("expires", "600"));

        assertThat(ok.lastResponseHeaders("Contact")).singleElement().asString()
                .contains("sip:" + agent.ctiNumber() + "@" + SipPeers.HOST).contains("expires=600");
        assertThat(contactsOf(agent)).hasSize(1);
    }

    @Test
    @DisplayName("R1.4 registration over TCP; an expiry above the maximum is shortened to 3600 s")
    void tcpAndMaximum() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();

        Sipp.Result ok = run(as("uac-register-expect-200", agent).key("expires", "86400").overTcp());

        assertThat(ok.lastResponseHeaders("Contact")).singleElement().asString()
                .containsIgnoringCase("transport=tcp").containsPattern("expires=3(600|599)");
    }

    @Test
    @DisplayName("R1.4 a wrong password gets 403 after the challenge and registers nothing")
    void wrongPassword() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();

        run(Sipp.scenario("uac-register-expect-403").as(agent.ctiNumber()).credentials(agent.ctiNumber(), "wrong-" + agent.sipPassword()));

        assertThat(contactsOf(agent)).isEmpty();
    }

    @Test
    @DisplayName("R1.4 one agent's credentials cannot register another agent's extension")
    void othersExtension() {
        SipAdmin.PhoneAgent owner = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent other = SipAdmin.newPhoneAgent();

        run(Sipp.scenario("uac-register-expect-403").as(owner.ctiNumber()).credentials(other.ctiNumber(), other.sipPassword()));

        assertThat(contactsOf(owner)).isEmpty();
    }

    @Test
    @DisplayName("R1.2 an agent whose phone permission was revoked, or who was deactivated, is refused with 403")
    void revokedAndInactive() {
        SipAdmin.PhoneAgent revoked = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent inactive = SipAdmin.newPhoneAgent();
        run(as("uac-register-expect-200", revoked).key("expires", "120")); // allowed while permitted

        SipAdmin.revokePhonePermission(revoked);
        SipAdmin.deactivate(inactive);

        run(as("uac-register-expect-403", revoked));
        run(as("uac-register-expect-403", inactive));
    }

    @Test
    @DisplayName("R1.4 an interval below the minimum is 423 with Min-Expires: 60 and registers nothing")
    void tooBrief() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();

        run(as("uac-register-expires-30-expect-423", agent));

        assertThat(contactsOf(agent)).isEmpty();
    }

    @Test
    @DisplayName("R1.4 Contact: * with Expires: 0 unregisters every phone of the agent")
    void unregisterAll() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        run(as("uac-register-expect-200", agent).key("expires", "600"));
        run(as("uac-register-expect-200", agent).key("expires", "600"));
        assertThat(contactsOf(agent)).as("two phones (two SIPp ports)").hasSize(2);

        run(as("uac-unregister-all-expect-200", agent));

        assertThat(contactsOf(agent)).isEmpty();
    }

    @Test
    @DisplayName("Issue 5 item 6: a malformed Expires header is 400 and registers nothing")
    void malformed() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();

        Sipp.Result bad = run(Sipp.scenario("uac-register-malformed-expires-expect-400").as(agent.ctiNumber()));

        assertThat(bad.lastResponse()).startsWith("SIP/2.0 400").contains("Expires");
        assertThat(contactsOf(agent)).isEmpty();
    }

    @Test
    @DisplayName("R1.4 OPTIONS is answered 200 with Allow: OPTIONS, REGISTER; issue 5 item 6: and UPDATE, which calls accept (RFC 4028 refresh)")
    void options() {
        Sipp.Result ok = run(Sipp.scenario("uac-options-expect-200"));
        assertThat(String.join(",", ok.lastResponseHeaders("Allow"))).contains("OPTIONS").contains("REGISTER").contains("UPDATE");
    }

    @Test
    @DisplayName("Issue 5: a method SIP does not know is 501 (INVITEs are the trunks' business: PhoneCallIT)")
    void otherMethods() {
        run(Sipp.scenario("uac-unknown-method-expect-501"));
    }
}
