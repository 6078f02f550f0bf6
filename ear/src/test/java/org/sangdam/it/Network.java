package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' side of the phone network: what SIP would report, through the test WAR, and what the core commanded. */
final class Network {
    private static final String BASE = System.getProperty("sangdam.it.baseUrl", "http://127.0.0.1:8180/sangdam")
            .replaceAll("/sangdam$", "/sangdam-test") + "/network";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Network() {
    }

    /** A customer calls the inbound number; returns the call id. */
    static long customerCalls(String did, String from) {
        HttpResponse<String> r = post("/calls?did=" + enc(did) + "&from=" + enc(from));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body()).path("id").asLong();
    }

    /** A customer calls a DID whose scenario the network runs: the call id and the scenario's first step. */
    static JsonNode customerCallsIntoScenario(String did, String from) {
        HttpResponse<String> r = post("/scenario-calls?did=" + enc(did) + "&from=" + enc(from));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body());
    }

    /** What the network's report gets back (204 when the core accepted it). */
    static int reportStatus(long callId, String what) {
        return post("/calls/" + callId + "/" + what).statusCode();
    }

    static int customerCallsStatus(String did, String from) {
        return post("/calls?did=" + enc(did) + "&from=" + enc(from)).statusCode();
    }

    static void report(long callId, String what) {
        HttpResponse<String> r = post("/calls/" + callId + "/" + what);
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(204);
    }

    /** plays the SIP layer bridging customer and agent: the path the core wants the recording at, or null */
    static String recordingFile(long callId) {
        HttpResponse<String> r = post("/calls/" + callId + "/recording");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode file = json(r.body()).path("file");
        return file.isNull() ? null : file.asText();
    }

    /** the retention cleanup, run as of {@code at}; the number of recordings it deleted */
    static int cleanRecordings(java.time.Instant at) {
        HttpResponse<String> r = post("/recordings/cleanup?at=" + enc(at.toString()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body()).path("deleted").asInt();
    }

    static List<String> commands() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/commands")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> out = new ArrayList<>();
            json(r.body()).forEach(n -> out.add(n.asText()));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).POST(HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String s) {
        try {
            return Api.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(s, e);
        }
    }
}
