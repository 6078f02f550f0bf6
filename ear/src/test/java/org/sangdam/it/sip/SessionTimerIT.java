package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, phones and callers that vanish without BYE, by RFC 4028 session timers
 * with SIPp as the far end. None of these SIPp peers sends RTP, and the RTP timeout
 * (60 s) is far longer than the intervals asked for here (the test server accepts
 * intervals down to 5 s: {@code sangdam.sip.min-se} in arquillian.xml), so it is the
 * session timer that ends each call.
 */
@DisplayName("Issue 5 session timers (RFC 4028): a caller or agent phone that vanishes without BYE is hung up and the agent freed")
class SessionTimerIT extends SipIT {
    private static final Duration SIP = Duration.ofSeconds(15);
    private static final Duration VANISH = Duration.ofSeconds(60);

    @Test
    @DisplayName("R2.4 an INVITE asking for a session interval below Min-SE gets 422 with Min-SE, and no call is offered")
    void tooSmall() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        CtiDesk desk = new CtiDesk(agent).ready();
        Sipp.Result refused = Sipp.scenario("uac-invite-session-expires-too-small-expect-422").as(did).run();
        assertThat(refused.passed()).as(refused.toString()).isTrue();
        assertThat(refused.lastResponseHeaders("Min-SE")).containsExactly("5");
        assertThat(desk.state()).as("no call was created").isEqualTo("READY");
    }

    @Test
    @DisplayName("R4.1 a caller that refreshes once (UPDATE, answered with its interval) and then vanishes is hung up (BYE); "
            + "the agent's phone is hung up too and the agent goes to after-call work")
    void callerVanishes() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = SipCalls.agentPhone(agent)) {
            CtiDesk desk = new CtiDesk(agent).ready();
            CompletableFuture<Sipp.Result> caller = Sipp.scenario("uac-invite-session-timer-refresh-then-vanish").as(did)
                    .within(Duration.ofSeconds(90)).start();
            desk.awaitState("OFFERED", SIP);
            JsonNode onCall = desk.act("answer");
            assertThat(onCall.path("state").asText()).isEqualTo("ON_CALL");
            phone.awaitEvent("CALL_ESTABLISHED", SIP);

            Sipp.Result result = caller.get(90, TimeUnit.SECONDS);
            assertThat(result.passed()).as(result.toString()).isTrue();
            String ok = result.received().stream().filter(m -> m.startsWith("SIP/2.0 200")).findFirst().orElseThrow();
            assertThat(ok).containsIgnoringCase("Session-Expires: 30;refresher=uac").containsIgnoringCase("Require: timer");
            String refreshed = result.received().stream().filter(m -> m.startsWith("SIP/2.0 200") && m.contains("UPDATE")).findFirst().orElseThrow();
            assertThat(refreshed).as("the refresh is answered with the interval").containsIgnoringCase("Session-Expires: 30");
            phone.awaitEvent("CALL_CLOSED", SIP);
            desk.awaitState("AFTER_CALL_WORK", SIP);
        }
    }

    @Test
    @DisplayName("R4.1 a caller that makes the server the refresher gets UPDATE at half its interval; its 481 (it lost the call) ends the call with BYE")
    void serverRefreshes() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        Sipp.Result result = Sipp.scenario("uac-invite-server-refreshes-then-481").as(did).within(Duration.ofSeconds(60)).run();
        assertThat(result.passed()).as(result.toString()).isTrue();
        String update = result.received().stream().filter(m -> m.startsWith("UPDATE")).findFirst().orElseThrow();
        assertThat(update).containsIgnoringCase("Session-Expires: 10;refresher=uas");
    }

    @Test
    @DisplayName("Issue 5 item 6: a caller that makes the server the refresher but does not allow UPDATE is refreshed by re-INVITE "
            + "with the SDP of the server's 200 unchanged; the server's 200 lists UPDATE in Allow")
    void serverRefreshesByReInvite() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        Sipp.Result result = Sipp.scenario("uac-invite-no-update-server-refreshes-by-reinvite").as(did).within(Duration.ofSeconds(60)).run();
        assertThat(result.passed()).as("a re-INVITE, never an UPDATE, is the refresh: " + result).isTrue();
        String ok = result.received().stream().filter(m -> m.startsWith("SIP/2.0 200")).findFirst().orElseThrow();
        assertThat(header(ok, "Allow")).as("the server accepts UPDATE in the call").contains("UPDATE");
        assertThat(ok).containsIgnoringCase("Session-Expires: 10;refresher=uas");
        String reInvite = result.received().stream().filter(m -> m.startsWith("INVITE")).findFirst().orElseThrow();
        assertThat(reInvite).containsIgnoringCase("Session-Expires: 10;refresher=uas");
        assertThat(header(reInvite, "o=")).as("the same session: SDP origin and version unchanged").isEqualTo(header(ok, "o="));
    }

    @Test
    @DisplayName("Issue 5 item 6: an outbound customer who grants a short session interval (refresher=uas) and never refreshes is hung up (BYE); "
            + "the agent's phone is hung up too and the agent goes to after-call work")
    void outboundCustomerVanishes() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String callerId = SipAdmin.approvedCallerId(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        int customerPort = SipPeers.ports(2);
        SipAdmin.pointTrunk(trunk, SipPeers.HOST, customerPort);
        try (Baresip phone = SipCalls.agentPhone(agent)) {
            CtiDesk desk = new CtiDesk(agent).ready();
            CompletableFuture<Sipp.Result> customer = Sipp.scenario("uas-phone-session-timer-never-refreshes").as("customer")
                    .port(customerPort).within(Duration.ofSeconds(90)).start();
            desk.dial("01012345671", SipAdmin.callerIdId(agent.serviceId(), callerId));
            phone.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL", SIP);

            Sipp.Result result = customer.get(90, TimeUnit.SECONDS);
            assertThat(result.passed()).as("the vanished customer is sent BYE: " + result).isTrue();
            String invite = result.received().stream().filter(m -> m.startsWith("INVITE")).findFirst().orElseThrow();
            assertThat(invite).as("the trunk's INVITE asks for a session timer").containsIgnoringCase(";refresher=uas").containsIgnoringCase("Supported: timer");
            assertThat(header(invite, "Allow")).contains("UPDATE");
            phone.awaitEvent("CALL_CLOSED", VANISH);
            desk.awaitState("AFTER_CALL_WORK", SIP);
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }

    @Test
    @DisplayName("Issue 5 item 6 (RFC 4028 §7.4): a carrier's 422 with Min-SE to our INVITE is retried once asking for that interval, "
            + "and the call connects; Hang up in the CTI API ends it")
    void tooSmallForTheFarEnd() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String callerId = SipAdmin.approvedCallerId(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        int customerPort = SipPeers.ports(2);
        SipAdmin.pointTrunk(trunk, SipPeers.HOST, customerPort);
        try (Baresip phone = SipCalls.agentPhone(agent)) {
            CtiDesk desk = new CtiDesk(agent).ready();
            CompletableFuture<Sipp.Result> carrier = Sipp.scenario("uas-session-interval-too-small-then-answer").port(customerPort)
                    .key("min_se", "3600").within(Duration.ofSeconds(60)).start();
            desk.dial("01012345672", SipAdmin.callerIdId(agent.serviceId(), callerId));
            phone.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL", SIP);
            desk.act("hang-up");
            Sipp.Result result = carrier.get(60, TimeUnit.SECONDS);
            assertThat(result.passed()).as(result.toString()).isTrue();
            var invites = result.received().stream().filter(m -> m.startsWith("INVITE")).toList();
            assertThat(invites).hasSize(2);
            assertThat(header(invites.get(1), "Session-Expires")).startsWith("Session-Expires: 3600");
            assertThat(header(invites.get(1), "Min-SE")).isEqualToIgnoringWhitespace("Min-SE:3600");
            assertThat(header(invites.get(1), "Call-ID")).isEqualTo(header(invites.get(0), "Call-ID"));
            phone.awaitEvent("CALL_CLOSED", SIP);
            desk.awaitState("AFTER_CALL_WORK", SIP);
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }

    /** the first line of a header ({@code Name}) or of an SDP line ({@code x=}) */
    private static String header(String message, String name) {
        String prefix = name.endsWith("=") ? name : name + ":";
        return message.lines().map(String::strip).filter(l -> l.regionMatches(true, 0, prefix, 0, prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in\n" + message));
    }

    @Test
    @DisplayName("R4.1 an agent phone that takes a session timer (refresher=uas) and never refreshes is hung up; "
            + "the customer's leg ends too and the agent goes to after-call work")
    void agentPhoneVanishes() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        int phonePort = SipPeers.ports(2);
        Sipp.Result registered = Sipp.scenario("uac-register-expect-200").as(agent.ctiNumber())
                .credentials(agent.ctiNumber(), agent.sipPassword()).port(phonePort).key("expires", "600").run();
        assertThat(registered.passed()).as(registered.toString()).isTrue();
        CompletableFuture<Sipp.Result> phone = Sipp.scenario("uas-phone-session-timer-never-refreshes").as(agent.ctiNumber())
                .port(phonePort).within(Duration.ofSeconds(90)).start();
        try (Baresip customer = SipCalls.customer("01088889999")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            customer.dial("sip:" + did + "@" + SipCalls.server());
            customer.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("OFFERED", SIP);
            desk.act("answer");
            desk.awaitState("ON_CALL", SIP);

            Sipp.Result result = phone.get(90, TimeUnit.SECONDS);
            assertThat(result.passed()).as(result.toString()).isTrue();
            String invite = result.received().stream().filter(m -> m.startsWith("INVITE")).findFirst().orElseThrow();
            assertThat(invite).as("the server asks the phone to refresh").containsIgnoringCase(";refresher=uas").containsIgnoringCase("Supported: timer");
            customer.awaitEvent("CALL_CLOSED", VANISH);
            desk.awaitState("AFTER_CALL_WORK", SIP);
        }
    }
}
