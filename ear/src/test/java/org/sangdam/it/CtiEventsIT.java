package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R2.3/R2.4 the console's live event stream")
class CtiEventsIT extends SangdamIT {

    /** A console's web socket, with the agent's login, collecting what the server pushes. */
    static final class Console implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Console(String username, String password) {
            String url = Api.BASE.replace("http://", "ws://").replaceAll("/api$", "/cti/events");
            String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Basic " + auth)
                    .connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(url), this).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(Api.JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** the next pushed message of this kind, skipping others */
        JsonNode next(String kind) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until) {
                JsonNode m = received.poll(200, TimeUnit.MILLISECONDS);
                if (m != null && m.path("kind").asText().equals(kind)) {
                    return m;
                }
            }
            throw new AssertionError("no '" + kind + "' message pushed");
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    @Test
    @DisplayName("R2.3 status changes and R2.4 offers are pushed at once to every open console of that agent only; the first message is the current status")
    void pushedToThatAgentOnly() throws Exception {
        long svc = Fixtures.newService();
        String did = Fixtures.inboundNumber(svc);
        Fixtures.Member a = Fixtures.phoneAgent(svc);
        Fixtures.Member b = Fixtures.phoneAgent(svc);
        Desk deskA = new Desk(a);
        Desk deskB = new Desk(b);
        String passwordA = "pw-" + a.username();
        try (Console tab1 = new Console(a.username(), passwordA);
             Console tab2 = new Console(a.username(), passwordA);
             Console other = new Console(b.username(), "pw-" + b.username())) {
            assertThat(tab1.next("state").path("state").asText()).isEqualTo("LOGGED_OUT");
            tab2.next("state");
            other.next("state");

            deskA.ok("login");
            assertThat(tab1.next("status").path("state").asText()).isEqualTo("WORK");
            assertThat(tab2.next("status").path("state").asText()).as("second tab stays consistent").isEqualTo("WORK");
            deskA.ok(deskA.choose("READY"));
            assertThat(tab1.next("status").path("state").asText()).isEqualTo("READY");

            long call = Network.customerCalls(did, "010-8888-9999");
            JsonNode offer = tab1.next("offer");
            assertThat(offer.path("callId").asLong()).isEqualTo(call);
            assertThat(offer.path("customerNumber").asText()).isEqualTo("010-8888-9999");
            assertThat(tab2.next("offer").path("callId").asLong()).isEqualTo(call);

            deskA.ok("answer");
            assertThat(tab1.next("ticket-open").path("callId").asLong()).isEqualTo(call);
            assertThat(other.received).as("agent B saw nothing of A's").isEmpty();
            deskB.ok("login");
            assertThat(other.next("status").path("state").asText()).isEqualTo("WORK");
        }
    }

    @Test
    @DisplayName("the event stream requires a login")
    void loginRequired() {
        String url = Api.BASE.replace("http://", "ws://").replaceAll("/api$", "/cti/events");
        assertThat(HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() { })
                .handle((ws, err) -> err != null).join()).as("handshake refused").isTrue();
    }
}
