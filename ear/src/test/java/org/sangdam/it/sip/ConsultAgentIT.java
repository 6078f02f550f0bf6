package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.it.console.Browser;
import org.sangdam.it.console.PhoneWidget;
import org.sangdam.it.console.TicketPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7 part 2 with real peers: an agent consults a Ready colleague of the service
 * (R3.1 "search the Ready agents … Connect"). baresip is the customer (700 Hz), the
 * first agent's phone (1300 Hz) and the colleague's phone (1900 Hz); the first agent
 * drives the CTI API, the colleague sits at its console in Chromium where the point is
 * what it sees, at the CTI API where it is not.
 */
@DisplayName("Issue 7.2 consultation with a Ready agent of the service: offered in its console, connected, cancelled, refused")
class ConsultAgentIT extends SipIT {
    private static final int CUSTOMER_HZ = SipCalls.CUSTOMER_HZ;
    private static final int AGENT_HZ = SipCalls.AGENT_HZ;
    private static final int TARGET_HZ = 1900;
    private static final int TWO_SECONDS = SipCalls.TWO_SECONDS;
    private static final Duration SIP = SipCalls.SIP;
    private static final String API = System.getProperty("sangdam.it.baseUrl", "http://127.0.0.1:8180/sangdam") + "/api";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Baresip phone(SipAdmin.PhoneAgent agent, int toneHz, String answerMode) {
        Baresip phone = Baresip.start("agent-" + agent.ctiNumber(), "<sip:" + agent.ctiNumber() + "@" + SipCalls.server() + ">;auth_pass="
                + agent.sipPassword() + ";regint=600;answermode=" + answerMode, toneHz, true);
        phone.awaitRegistered();
        return phone;
    }

    private static HttpResponse<byte[]> get(SipAdmin.PhoneAgent as, String path) {
        try {
            String auth = "Basic " + Base64.getEncoder().encodeToString((as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8));
            return HTTP.send(HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(30)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** the ticket's timeline as "KIND detail" lines */
    private static List<String> timeline(SipAdmin.PhoneAgent as, long ticket) throws IOException {
        HttpResponse<byte[]> r = get(as, "/tickets/" + ticket);
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).path("events").forEach(e -> out.add(e.path("kind").asText() + " " + e.path("detail").asText()));
        return out;
    }

    @Test
    @DisplayName("R3.1-R3.3 the consulted agent's console shows who consults it for which customer while its phone rings (Ringing: nothing else is offered); "
            + "after Connect customer its console opens the customer's ticket, it is On call, the customer hears it and the first agent is in after-call work; "
            + "R4.1 its hang-up puts it in after-call work; part 5: the ticket page's <audio> serves the WAV to the service, not to another service")
    void consultedAgentTakesTheCustomer() throws IOException {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent colleague = SipAdmin.newPhoneAgentIn(agent.serviceId());
        SipAdmin.PhoneAgent stranger = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        long ticket;
        try (Baresip phone = phone(agent, AGENT_HZ, "auto"); Baresip target = phone(colleague, TARGET_HZ, "manual");
             Baresip customer = SipCalls.customer("01045454545"); Browser browser = Browser.english()) {
            CtiDesk desk = new CtiDesk(agent).ready();
            ticket = SipCalls.connect(customer, did, desk, phone, "01045454545");
            PhoneWidget console = browser.open().loginAs(colleague.username(), colleague.password()).phone().awaitOnline();
            console.press("ctiLogin", "WORK").press("ready", "READY");
            Path customerHears = SipCalls.lastRecording(customer);

            String agentName = JSON.readTree(get(agent, "/me").body()).path("displayName").asText();
            assertThat(agentName).isNotBlank();
            desk.consultAgent(colleague.userId());
            target.awaitEvent("CALL_INCOMING", SIP);
            console.awaitState("OFFERED");
            assertThat(console.consultedBy()).as("who consults").isEqualTo(agentName);
            assertThat(console.offerNumber()).as("for which customer").isEqualTo("01045454545");
            assertThat(console.isEnabled("answer")).as("it answers on its phone, which already rings").isFalse();
            assertThat(console.isEnabled("ready")).as("no status change while rung").isFalse();
            assertThat(desk.view().path("state").asText()).as("the first agent: the customer on hold while it rings").isEqualTo("ON_HOLD");
            assertThat(desk.readyAgents().findValuesAsText("userId")).as("no longer listed as Ready, so not offered").doesNotContain(String.valueOf(colleague.userId()));

            target.command("accept", null);
            target.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL_TRANSFER", SIP);
            console.awaitState("ON_CALL_TRANSFER");
            assertThat(console.consultedBy()).isEqualTo(agentName);
            assertThat(console.isEnabled("connectCustomer")).as("the consulting agent connects, not the consulted one").isFalse();
            assertThat(console.isEnabled("cancelConsult")).isFalse();

            desk.act("connect-customer");
            phone.awaitEvent("CALL_CLOSED", SIP);
            JsonNode after = desk.awaitState("AFTER_CALL_WORK", SIP);
            assertThat(after.path("call").isNull() || after.path("call").isMissingNode()).as("R3.3/R4.1 the first agent is off the call").isTrue();
            TicketPage opened = TicketPage.awaitOpened(browser.driver());
            assertThat(opened.id()).as("the consulted agent's console opens the customer's ticket").isEqualTo(ticket);
            PhoneWidget onCall = opened.console().phone().awaitOnline().awaitState("ON_CALL");
            assertThat(onCall.showsConsultation()).isFalse();
            assertThat(onCall.isEnabled("hold")).as("the call is its own now").isTrue();
            int transferred = Tones.length(customerHears);
            await("the customer hears the consulted agent").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, TARGET_HZ, transferred) >= TWO_SECONDS);
            assertThat(Tones.blocksWith(customerHears, AGENT_HZ, transferred)).as("and no longer the first agent").isLessThan(3);
            String colleagueName = JSON.readTree(get(colleague, "/me").body()).path("displayName").asText();
            assertThat(timeline(agent, ticket)).as("the ticket records the transfer with both agents")
                    .contains("TRANSFERRED from " + agentName + " to " + colleagueName);
            assertThat(JSON.readTree(get(colleague, "/tickets/" + ticket).body()).path("agentId").asLong()).isEqualTo(colleague.userId());

            target.hangUp();
            customer.awaitEvent("CALL_CLOSED", SIP);
            onCall.awaitState("AFTER_CALL_WORK");
            assertThat(timeline(agent, ticket)).anyMatch(l -> l.startsWith("AGENT_HUNG_UP"));

            // part 5: the recording in the ticket's page, for a user of the service
            await("the recording is written when the call ends").atMost(SIP).pollInterval(Duration.ofMillis(300))
                    .until(() -> get(colleague, "/tickets/" + ticket + "/recording").statusCode() == 200);
            browser.go("/ticket.xhtml?id=" + ticket);
            TicketPage.Download wav = TicketPage.awaitOpened(browser.driver()).recording();
            assertThat(wav.status()).as(wav.source()).isEqualTo(200);
            assertThat(wav.riff()).isEqualTo("RIFF");
            assertThat(wav.wave()).isEqualTo("WAVE");
            assertThat(wav.length()).as("a few seconds of 8 kHz stereo at least").isGreaterThan(8000 * 2 * 2 * 3);
        }
        assertThat(get(stranger, "/tickets/" + ticket + "/recording").statusCode()).as("another service's user").isIn(403, 404);
    }

    @Test
    @DisplayName("R3.4 a consulted agent whose phone refuses goes back to Ready and the first agent is On hold with the cause on the ticket; "
            + "consulted again it answers, and Cancel ends its leg and returns it to Ready with nothing left of the call; "
            + "one that answers and hangs up is Ready again too; Release brings the customer back")
    void consultRefusedThenCancelled() throws IOException {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent colleague = SipAdmin.newPhoneAgentIn(agent.serviceId());
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = phone(agent, AGENT_HZ, "auto"); Baresip target = phone(colleague, TARGET_HZ, "manual");
             Baresip customer = SipCalls.customer("01046464646")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            long ticket = SipCalls.connect(customer, did, desk, phone, "01046464646");
            CtiDesk other = new CtiDesk(colleague).ready();

            desk.consultAgent(colleague.userId());
            target.awaitEvent("CALL_INCOMING", SIP);
            JsonNode rung = other.awaitState("OFFERED", SIP);
            assertThat(rung.path("call").path("consultedBy").asText()).isNotBlank();
            assertThat(rung.path("allowed")).as("no buttons for the consulted agent").isEmpty();
            target.hangUp(); // refuses the ringing call
            other.awaitState("READY", SIP);
            desk.awaitState("ON_HOLD", SIP);
            await("the cause on the ticket").atMost(SIP).pollInterval(Duration.ofMillis(300))
                    .until(() -> timeline(agent, ticket).stream().anyMatch(l -> l.startsWith("CONSULT_FAILED ") && l.length() > "CONSULT_FAILED ".length()));

            target.clearEvents();
            desk.consultAgent(colleague.userId());
            target.awaitEvent("CALL_INCOMING", SIP);
            other.awaitState("OFFERED", SIP);
            target.command("accept", null);
            target.awaitEvent("CALL_ESTABLISHED", SIP);
            other.awaitState("ON_CALL_TRANSFER", SIP);
            desk.awaitState("ON_CALL_TRANSFER", SIP);
            assertThat(other.refusal("hang-up")).as("refused for the consulted agent: it hangs up on its phone").isEqualTo(409);
            assertThat(other.refusal("connect-customer")).as("only the consulting agent connects").isEqualTo(409);

            assertThat(desk.act("cancel-consult").path("state").asText()).isEqualTo("ON_HOLD");
            target.awaitEvent("CALL_CLOSED", SIP);
            JsonNode back = other.awaitState("READY", SIP);
            assertThat(back.path("call").isNull() || back.path("call").isMissingNode()).as("its console drops the consultation").isTrue();
            assertThat(desk.state()).isEqualTo("ON_HOLD");

            // consulted a third time, it answers and then hangs up on its phone: Ready again, the first agent On hold
            target.clearEvents();
            desk.consultAgent(colleague.userId());
            target.awaitEvent("CALL_INCOMING", SIP);
            target.command("accept", null);
            target.awaitEvent("CALL_ESTABLISHED", SIP);
            other.awaitState("ON_CALL_TRANSFER", SIP);
            desk.awaitState("ON_CALL_TRANSFER", SIP);
            target.hangUp();
            other.awaitState("READY", SIP);
            desk.awaitState("ON_HOLD", SIP);

            Path customerHears = SipCalls.lastRecording(customer);
            assertThat(desk.act("release").path("state").asText()).isEqualTo("ON_CALL");
            int released = Tones.length(customerHears);
            await("the customer hears the first agent again").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ, released) >= TWO_SECONDS);
            customer.hangUp();
            desk.awaitState("AFTER_CALL_WORK", SIP);
            assertThat(other.state()).as("the consulted agent was never on the customer's call").isEqualTo("READY");
        }
    }

    @Test
    @DisplayName("R2.6/R3.4 a consultation nobody answers rings the consulted agent at most the service's recall time: its phone stops ringing, "
            + "it is Ready again, and the first agent is On hold with \"no answer\" on the ticket")
    void unansweredConsultationRingsOut() throws IOException {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent colleague = SipAdmin.newPhoneAgentIn(agent.serviceId());
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = phone(agent, AGENT_HZ, "auto"); Baresip target = phone(colleague, TARGET_HZ, "manual");
             Baresip customer = SipCalls.customer("01047474747")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            long ticket = SipCalls.connect(customer, did, desk, phone, "01047474747");
            SipAdmin.recallSeconds(agent.serviceId(), 5); // after the answer: only the consultation is to ring out
            CtiDesk other = new CtiDesk(colleague).ready();

            desk.consultAgent(colleague.userId());
            target.awaitEvent("CALL_INCOMING", SIP);
            other.awaitState("OFFERED", SIP);
            target.awaitEvent("CALL_CLOSED", Duration.ofSeconds(30));
            other.awaitState("READY", SIP);
            assertThat(target.saw("CALL_ESTABLISHED")).isFalse();
            assertThat(desk.state()).isEqualTo("ON_HOLD");
            assertThat(timeline(agent, ticket)).contains("CONSULT_FAILED no answer within 5 s");
            assertThat(customer.saw("CALL_CLOSED")).as("the customer waits on hold").isFalse();
        }
    }
}
