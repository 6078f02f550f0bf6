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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system administrator setting up phone agents through the REST API
 * (R1.2, R1.4), as the SIP tests need them: a new service, an agent with phone
 * permission, a CTI number and SIP password; later the permission revoked or the
 * agent deactivated. Numbers are unique per run (the database outlives runs).
 */
final class SipAdmin {
    private static final String BASE = System.getProperty("sangdam.it.baseUrl", "http://127.0.0.1:8180/sangdam") + "/api";
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("sysadmin:demo1234".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    /** a phone agent as the tests use it */
    record PhoneAgent(long serviceId, long userId, String ctiNumber, String sipPassword, String username, String password) {
    }

    private SipAdmin() {
    }

    /** a new service with one phone agent holding a fresh extension and SIP password */
    static PhoneAgent newPhoneAgent() {
        String tag = RUN + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        long service = send("POST", "/services", map("name", "sip-svc-" + tag, "ctiInbound", true, "ctiOutbound", true)).path("id").asLong();
        return newPhoneAgentIn(service);
    }

    /** another phone agent of the same service */
    static PhoneAgent newPhoneAgentIn(long service) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String tag = RUN + "-" + Long.toString(rnd.nextLong(1L << 40), 36);
        long user = send("POST", "/services/" + service + "/users", map("username", "sip-agent-" + tag, "displayName", "SIP agent " + tag,
                "password", "pw-" + tag + "-long", "role", "AGENT", "phonePermission", true)).path("id").asLong();
        String extension = String.valueOf(rnd.nextInt(100_000, 1_000_000));
        String sipPassword = "sip-" + tag;
        send("PUT", "/services/" + service + "/users/" + user + "/cti", map("ctiId", "sip-" + tag, "ctiNumber", extension, "sipPassword", sipPassword));
        return new PhoneAgent(service, user, extension, sipPassword, "sip-agent-" + tag, "pw-" + tag + "-long");
    }

    /** the service's recall time (R2.6); the default status after login stays Work */
    static void recallSeconds(long serviceId, int seconds) {
        send("PUT", "/services/" + serviceId + "/cti/settings", map("recallSeconds", seconds, "initialStatus", "WORK"));
    }

    /** a new inbound number (a Seoul number nobody has used) routed to the service's first scenario, on any trunk */
    static String newInboundNumber(long serviceId) {
        long scenario = send("GET", "/services/" + serviceId + "/cti/scenarios", null).get(0).path("id").asLong();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String did = "02" + rnd.nextInt(2000, 10000) + String.format("%04d", rnd.nextInt(10000));
        send("POST", "/cti/inbound-numbers", map("number", did, "serviceId", serviceId, "scenarioId", scenario));
        return did;
    }

    /** a new inbound number of the service running a new scenario with this JSON definition (R2.6) */
    static String newInboundNumber(long serviceId, String scenarioDefinition) {
        long scenario = send("POST", "/services/" + serviceId + "/cti/scenarios",
                map("name", "scn-" + RUN + "-" + ThreadLocalRandom.current().nextInt(1_000_000), "definition", scenarioDefinition)).path("id").asLong();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String did = "02" + rnd.nextInt(2000, 10000) + String.format("%04d", rnd.nextInt(10000));
        send("POST", "/cti/inbound-numbers", map("number", did, "serviceId", serviceId, "scenarioId", scenario));
        return did;
    }

    /**
     * A trunk known by its digest credentials (issue 5): its only listed source is a
     * documentation address no test sends from; returns {id, name, …}.
     */
    static JsonNode trunkWithCredentials(String username, String password) {
        return send("POST", "/cti/trunks", map("name", "auth-" + RUN + "-" + ThreadLocalRandom.current().nextInt(1_000_000),
                "host", "127.0.0.1", "port", 5060, "allowedSources", java.util.List.of("192.0.2.1"),
                "authUsername", username, "authPassword", password));
    }

    /** a new inbound number of the service on this trunk only; returns {id, number, …} */
    static JsonNode newInboundNumberOn(long serviceId, long trunkId) {
        long scenario = send("GET", "/services/" + serviceId + "/cti/scenarios", null).get(0).path("id").asLong();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String did = "02" + rnd.nextInt(2000, 10000) + String.format("%04d", rnd.nextInt(10000));
        return send("POST", "/cti/inbound-numbers", map("number", did, "serviceId", serviceId, "scenarioId", scenario, "trunkId", trunkId));
    }

    static void deleteInboundNumber(long id) {
        send("DELETE", "/cti/inbound-numbers/" + id, null);
    }

    static void deleteTrunk(long id) {
        send("DELETE", "/cti/trunks/" + id, null);
    }

    /** sets (or with nulls clears) a trunk's digest credentials, keeping where it points and its sources */
    static void trunkCredentials(JsonNode trunk, String host, int port, String username, String password) {
        send("PUT", "/cti/trunks/" + trunk.path("id").asLong(), map("name", trunk.path("name").asText(), "host", host, "port", port,
                "transport", trunk.path("transport").asText(), "allowedSources", JSON.convertValue(trunk.path("allowedSources"), java.util.List.class),
                "authUsername", username, "authPassword", password));
    }

    /** the queues an agent answers (R2.6 menus) */
    static void answersQueues(PhoneAgent agent, String... queues) {
        send("PUT", "/services/" + agent.serviceId() + "/users/" + agent.userId() + "/queues", map("queues", java.util.List.of(queues)));
    }

    /** a caller ID of the service, registered and approved (R1.5); returns its number as stored */
    static String approvedCallerId(long serviceId) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String number = "02" + rnd.nextInt(2000, 10000) + String.format("%04d", rnd.nextInt(10000));
        JsonNode created = send("POST", "/services/" + serviceId + "/caller-ids", map("number", number));
        send("POST", "/services/" + serviceId + "/caller-ids/" + created.path("id").asLong() + "/approve", null);
        return created.path("number").asText();
    }

    static long callerIdId(long serviceId, String number) {
        for (JsonNode c : send("GET", "/services/" + serviceId + "/caller-ids", null)) {
            if (c.path("number").asText().equals(number)) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("no caller ID " + number);
    }

    /** the trunk outbound calls take (the first one: the demo trunk), as {id, name, host, port, transport, sources} */
    static JsonNode outboundTrunk() {
        return send("GET", "/cti/trunks", null).get(0);
    }

    /** points a trunk at another host and port (the test's called party), keeping its name and sources */
    static void pointTrunk(JsonNode trunk, String host, int port) {
        send("PUT", "/cti/trunks/" + trunk.path("id").asLong(), map("name", trunk.path("name").asText(), "host", host, "port", port,
                "transport", trunk.path("transport").asText(), "allowedSources", JSON.convertValue(trunk.path("allowedSources"), java.util.List.class)));
    }

    static void revokePhonePermission(PhoneAgent agent) {
        send("PUT", "/services/" + agent.serviceId() + "/users/" + agent.userId(), map("phonePermission", false));
    }

    static void deactivate(PhoneAgent agent) {
        send("PUT", "/services/" + agent.serviceId() + "/users/" + agent.userId(), map("active", false));
    }

    /** turns the service's call recording on or off (issue 7), the other CTI settings unchanged; returns the settings */
    static JsonNode recording(long serviceId, boolean enabled) {
        return setting(serviceId, "recordingEnabled", enabled);
    }

    /** The service's music on hold (R3.7): an uploaded or built-in prompt name. */
    static JsonNode musicOnHold(long serviceId, String prompt) {
        return setting(serviceId, "mohPrompt", prompt);
    }

    /** The service's abusive-call announcement (R3.6): an uploaded or built-in prompt name. */
    static JsonNode announcement(long serviceId, String prompt) {
        return setting(serviceId, "announcementPrompt", prompt);
    }

    private static JsonNode setting(long serviceId, String name, Object value) {
        JsonNode current = send("GET", "/services/" + serviceId + "/cti/settings", null);
        Map<String, Object> body = JSON.convertValue(current, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {
        });
        body.put(name, value);
        return send("PUT", "/services/" + serviceId + "/cti/settings", body);
    }

    /**
     * The system administrator uploads a WAV as one of the service's prompts (R1.3), through
     * the same endpoint as the CTI 설정 screen: {@code kind} MUSIC or ANNOUNCEMENT.
     */
    static void uploadPrompt(long serviceId, String name, String kind, byte[] wav) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/services/" + serviceId + "/cti/prompts?name=" + name + "&kind=" + kind))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", AUTH).header("Accept", "application/json")
                    .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("upload of prompt %s -> %s", name, response.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode send(String method, String path, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", AUTH).header("Accept", "application/json").header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
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

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
