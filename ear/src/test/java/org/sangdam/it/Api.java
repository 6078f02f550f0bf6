package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A user of the REST API over real HTTP on loopback, logged in with HTTP Basic. */
final class Api {
    static final String BASE = System.getProperty("sangdam.it.baseUrl", "http://127.0.0.1:8180/sangdam") + "/api";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String authorization;

    private Api(String authorization) {
        this.authorization = authorization;
    }

    static Api as(String username, String password) {
        return new Api("Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static Api anonymous() {
        return new Api(null);
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** sends a raw body as-is, for malformed-input tests */
    Reply postRaw(String path, String contentType, String body) {
        HttpRequest.Builder b = request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return exchange(b.build());
    }

    /** posts bytes as-is with their content type (an uploaded file) */
    Reply postBytes(String path, String contentType, byte[] body) {
        return exchange(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** a GET whose answer is not JSON (a WAV file): status, content type and bytes */
    Download download(String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request(path).setHeader("Accept", "audio/wav, application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Download(int status, String contentType, byte[] bytes) {
    }

    private Reply send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest.Builder b = request(path).method(method, publisher);
            if (body != null || !method.equals("GET") && !method.equals("DELETE")) {
                b.header("Content-Type", "application/json");
            }
            return exchange(b.build());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private static Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = MissingNode.getInstance();
            String text = r.body();
            if (text != null && !text.isBlank() && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
                try {
                    body = JSON.readTree(text);
                } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                    body = MissingNode.getInstance();
                }
            }
            return new Reply(r.statusCode(), body, text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status and the parsed JSON body. */
    record Reply(int status, JsonNode body, String text) {
        long id() {
            return body.path("id").asLong();
        }

        /** status and the API's error kind, e.g. "404 not-found": a refusal by Sangdam, not a missing route */
        String kind() {
            return status + " " + body.path("error").asText("");
        }

        String field() {
            return body.path("field").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    static Map<String, Object> map(Object... keyValues) {
        var m = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
