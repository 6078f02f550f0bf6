package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sangdam.it.sip.SipCalls.CUSTOMER_HZ;
import static org.sangdam.it.sip.SipCalls.SIP;
import static org.sangdam.it.sip.SipCalls.TWO_SECONDS;
import static org.sangdam.it.sip.SipCalls.agentPhone;
import static org.sangdam.it.sip.SipCalls.connect;
import static org.sangdam.it.sip.SipCalls.customer;
import static org.sangdam.it.sip.SipCalls.lastRecording;

/**
 * The RTP engine's counters over REST ({@code GET /api/system/media}, issue 5): what the SIP
 * benchmark reads to count media loss at the server. Read-only, system administrators only; a
 * real call between two baresip phones moves the counters of both directions.
 */
@DisplayName("Issue 5 the media engine's counters over REST: system administrators only; a real call's audio is counted both ways")
class MediaCountersIT extends SipIT {
    private static final String BASE = System.getProperty("sangdam.it.baseUrl", "http://127.0.0.1:8180/sangdam") + "/api";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("R2.4 while a customer talks to an agent, packets from the customer's leg and from the phone's leg are received and relayed; the call's legs are open")
    void countsACallBothWays() {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01033334444")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            JsonNode before = counters("sysadmin", "demo1234").body;
            connect(customer, did, desk, phone, "01033334444");
            Path agentHears = lastRecording(phone);
            await("the agent's phone hears the customer").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(agentHears, CUSTOMER_HZ) >= TWO_SECONDS);

            JsonNode during = counters("sysadmin", "demo1234").body;
            assertThat(during.path("running").asBoolean()).as(during.toString()).isTrue();
            assertThat(during.path("openLegs").asInt()).as("the customer's and the agent's legs").isGreaterThanOrEqualTo(2);
            // two seconds of the customer's tone reached the agent: 100 packets of 20 ms relayed from the customer's leg
            assertThat(grew(before, during, "fromCustomers", "relayed")).as(during.toString()).isGreaterThanOrEqualTo(TWO_SECONDS);
            assertThat(grew(before, during, "fromCustomers", "received")).isGreaterThanOrEqualTo(grew(before, during, "fromCustomers", "relayed"));
            await("the phone's audio is relayed to the customer").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> grew(before, counters("sysadmin", "demo1234").body, "fromOthers", "relayed") >= TWO_SECONDS);
            JsonNode later = counters("sysadmin", "demo1234").body;
            assertThat(later.path("packetsRelayed").asLong() - before.path("packetsRelayed").asLong())
                    .as("the total counts both directions").isGreaterThanOrEqualTo(2L * TWO_SECONDS);
            customer.hangUp();
            phone.awaitEvent("CALL_CLOSED", SIP);
        }
    }

    @Test
    @DisplayName("only system administrators read the counters (an agent gets 403, no login 401); nothing can be changed there")
    void systemAdministratorsOnly() {
        Reply admin = counters("sysadmin", "demo1234");
        assertThat(admin.status).as(admin.text).isEqualTo(200);
        assertThat(admin.body.has("packetsReceived") && admin.body.has("packetsDropped") && admin.body.path("fromCustomers").has("relayed"))
                .as(admin.text).isTrue();

        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        Reply refused = counters(agent.username(), agent.password());
        assertThat(refused.status).as(refused.text).isEqualTo(403);
        assertThat(refused.text).doesNotContain("packetsReceived");
        assertThat(request("GET", null).statusCode()).isEqualTo(401);
        assertThat(request("DELETE", "sysadmin:demo1234").statusCode()).as("read-only").isEqualTo(405);
    }

    private static long grew(JsonNode before, JsonNode after, String direction, String counter) {
        return after.path(direction).path(counter).asLong() - before.path(direction).path(counter).asLong();
    }

    private record Reply(int status, JsonNode body, String text) {
    }

    private static Reply counters(String username, String password) {
        HttpResponse<String> response = request("GET", username + ":" + password);
        try {
            JsonNode body = response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
            return new Reply(response.statusCode(), body, response.statusCode() + " " + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> request(String method, String credentials) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + "/system/media")).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
