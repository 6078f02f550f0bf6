package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A phone agent at the widget, driving the CTI API ({@code /api/cti/agent}) with its own login, as the console does. */
final class CtiDesk {
    private static final String BASE = System.getProperty("sangdam.it.baseUrl", "http://127.0.0.1:8180/sangdam") + "/api/cti/agent";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String auth;

    CtiDesk(SipAdmin.PhoneAgent agent) {
        this.auth = "Basic " + Base64.getEncoder().encodeToString((agent.username() + ":" + agent.password()).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode view() {
        return send("GET", "", null);
    }

    String state() {
        return view().path("state").asText();
    }

    JsonNode act(String action) {
        return send("POST", "/" + action, null);
    }

    /** CTI login, then Ready */
    CtiDesk ready() {
        act("login");
        if (!"READY".equals(state())) {
            send("PUT", "/status", Map.of("status", "READY"));
        }
        assertThat(state()).isEqualTo("READY");
        return this;
    }

    JsonNode dial(String number, long callerId) {
        return send("POST", "/dial", Map.of("number", number, "callerId", callerId));
    }

    /** consultation with a Ready agent of the service (R3.1) */
    JsonNode consultAgent(long userId) {
        return send("POST", "/consult", Map.of("agentId", userId));
    }

    /** consultation with a typed number (R3.1) */
    JsonNode consultNumber(String number) {
        return send("POST", "/consult", Map.of("number", number));
    }

    JsonNode choose(String status) {
        return send("PUT", "/status", Map.of("status", status));
    }

    JsonNode awaitState(String state, Duration within) {
        JsonNode[] last = new JsonNode[1];
        await("agent " + state).atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = view();
            return state.equals(last[0].path("state").asText());
        });
        return last[0];
    }

    /** the kinds of the ticket's events, in order (ARRIVED … CUSTOMER_HUNG_UP) */
    java.util.List<String> ticketEvents(long ticketId) {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        send("GET", "/../../tickets/" + ticketId, null).path("events").forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }

    /** the Ready agents of the service the transfer dialog lists (R3.1) */
    JsonNode readyAgents() {
        return send("GET", "/ready-agents", null);
    }

    /** an action the server must refuse: the HTTP status it answered */
    int refusal(String action) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/" + action)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth).header("Accept", "application/json").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path).normalize()).timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth).header("Accept", "application/json").header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isBetween(200, 299);
            return response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
