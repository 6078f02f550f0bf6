package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 part 5, retention of call recordings, with the test network standing in for
 * the SIP layer: the network asks the core where to record (as the B2BUA does when it
 * bridges), a file is put there, and the cleanup is run with a cut-off in the future.
 */
@DisplayName("Issue 7 call recording retention and evidence")
class RecordingRetentionIT extends SangdamIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Desk onCall(long svc, String from) {
        String did = Fixtures.inboundNumber(svc);
        Desk desk = new Desk(Fixtures.phoneAgent(svc)).ready();
        Network.customerCalls(did, from);
        desk.awaitState("OFFERED");
        assertThat(desk.ok("answer").path("state").asText()).isEqualTo("ON_CALL");
        return desk;
    }

    /** the call is recorded: the core names the file, the "network" writes it */
    private static Path recorded(Desk desk, byte[] content) throws Exception {
        String file = Network.recordingFile(desk.callId());
        assertThat(file).isNotNull();
        Path path = Path.of(file);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        return path;
    }

    private static HttpResponse<byte[]> recording(Fixtures.Member as, long ticket) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/tickets/" + ticket + "/recording")).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @DisplayName("Part 5: retention deletes a recording once its call ended more than the service's days ago, not before; "
            + "the recording of an abusive call is kept as evidence; bad retention values are refused and change nothing")
    void retentionAndEvidence() throws Exception {
        long svc = Fixtures.newService();
        Api.Reply bad = Fixtures.SYSADMIN.put("/services/" + svc + "/cti/settings", Api.map("recallSeconds", 15, "initialStatus", "WORK",
                "announcementPrompt", "default-abusive", "abusiveText", "폭언", "recordingRetentionDays", 0));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body().path("field").asText()).as(bad.toString()).isEqualTo("recordingRetentionDays");
        assertThat(Fixtures.SYSADMIN.get("/services/" + svc + "/cti/settings").body().path("recordingRetentionDays").asInt())
                .as("nothing changed").isEqualTo(365);
        Api.Reply ok = Fixtures.SYSADMIN.put("/services/" + svc + "/cti/settings", Api.map("recallSeconds", 15, "initialStatus", "WORK",
                "announcementPrompt", "default-abusive", "abusiveText", "폭언", "recordingRetentionDays", 30));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.body().path("recordingEnabled").asBoolean()).isTrue();

        Desk normal = onCall(svc, "010-1212-3434");
        long normalTicket = normal.view().path("call").path("ticketId").asLong();
        byte[] content = "RIFF-test-recording".getBytes(StandardCharsets.US_ASCII);
        Path normalFile = recorded(normal, content);
        normal.ok("hang-up");

        Desk abusive = onCall(svc, "010-5656-7878");
        long abusiveTicket = abusive.view().path("call").path("ticketId").asLong();
        Path abusiveFile = recorded(abusive, content);
        assertThat(abusive.ok("abusive-termination").path("state").asText()).isEqualTo("AFTER_CALL_WORK");

        HttpResponse<byte[]> served = recording(normal.agent, normalTicket);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(content);
        JsonNode ticket = normal.agent.api().get("/tickets/" + normalTicket).body();
        assertThat(ticket.path("recording").asText()).isEqualTo("/api/tickets/" + normalTicket + "/recording");

        Network.cleanRecordings(Instant.now().plus(Duration.ofDays(29)));
        assertThat(normalFile).as("29 days after the call it is kept").exists();

        Network.cleanRecordings(Instant.now().plus(Duration.ofDays(31)));
        assertThat(normalFile).as("31 days after the call it is deleted").doesNotExist();
        assertThat(recording(normal.agent, normalTicket).statusCode()).isEqualTo(404);
        assertThat(normal.agent.api().get("/tickets/" + normalTicket).body().hasNonNull("recording")).as("the ticket no longer links it").isFalse();

        assertThat(abusiveFile).as("evidence of an abusive call is kept").exists();
        assertThat(recording(abusive.agent, abusiveTicket).statusCode()).isEqualTo(200);
        boolean marked = false;
        for (JsonNode e : abusive.agent.api().get("/tickets/" + abusiveTicket).body().path("events")) {
            marked |= e.path("kind").asText().equals("RECORDING") && e.path("detail").asText().contains("evidence");
        }
        assertThat(marked).as("the ticket says the recording is kept as evidence").isTrue();
    }
}
