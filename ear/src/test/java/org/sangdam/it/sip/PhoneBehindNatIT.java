package org.sangdam.it.sip;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, phones behind NAT: SIPp registers an agent's CTI number with a Contact
 * that is not where its packets come from, as a phone behind NAT does, then
 * answers on the socket it registered from. The call only reaches it if the
 * server sends the INVITE (and the ACK after the answer) to the REGISTER's source.
 * <p>
 * The Contact is {@code 127.0.0.99:5999} rather than a private address like
 * {@code 10.0.0.5}: the rule is the same (host and port differ from the source),
 * and should the server get it wrong its INVITE stays on loopback instead of
 * leaving the machine.
 */
@DisplayName("Issue 5 phones behind NAT: calls go where the phone registered from, not to its private Contact")
class PhoneBehindNatIT extends SipIT {
    private static final Duration SIP = Duration.ofSeconds(15);
    private static final String PRIVATE_HOST = "127.0.0.99";
    private static final String PRIVATE_PORT = "5999";

    @Test
    @DisplayName("R2.5 a phone registered with a private Contact gets the INVITE after Answer on its registering socket, "
            + "the ACK of its 200 too, and its BYE ends the call (agent in after-call work)")
    void inviteReachesTheRegisteringSocket() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        int phonePort = SipPeers.ports(2);
        Sipp.Result registered = Sipp.scenario("uac-register-behind-nat-expect-200").as(agent.ctiNumber())
                .credentials(agent.ctiNumber(), agent.sipPassword()).port(phonePort)
                .key("contact_host", PRIVATE_HOST).key("contact_port", PRIVATE_PORT).run();
        assertThat(registered.passed()).as(registered.toString()).isTrue();
        assertThat(registered.lastResponseHeaders("Contact")).as("the binding keeps the Contact as the phone wrote it")
                .anySatisfy(c -> assertThat(c).contains("@" + PRIVATE_HOST + ":" + PRIVATE_PORT));

        CompletableFuture<Sipp.Result> phone = Sipp.scenario("uas-phone-behind-nat-answer-then-bye").as(agent.ctiNumber())
                .port(phonePort).within(Duration.ofSeconds(60))
                .key("contact_host", PRIVATE_HOST).key("contact_port", PRIVATE_PORT).start();
        try (Baresip customer = SipCalls.customer("01055556666")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            customer.dial("sip:" + did + "@" + SipCalls.server());
            customer.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("OFFERED", SIP);
            long ticket = desk.act("answer").path("call").path("ticketId").asLong();

            Sipp.Result answered = phone.get(60, TimeUnit.SECONDS);
            assertThat(answered.passed()).as(answered.toString()).isTrue();
            String invite = answered.received().stream().filter(m -> m.startsWith("INVITE")).findFirst().orElseThrow();
            assertThat(invite).as("the Request-URI is still the phone's own Contact")
                    .startsWith("INVITE sip:" + agent.ctiNumber() + "@" + PRIVATE_HOST + ":" + PRIVATE_PORT);
            desk.awaitState("AFTER_CALL_WORK", SIP);
            customer.awaitEvent("CALL_CLOSED", SIP);
            assertThat(desk.ticketEvents(ticket)).contains("AGENT_HUNG_UP");
        } finally {
            phone.cancel(true);
        }
    }
}
