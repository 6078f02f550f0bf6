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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sangdam.it.sip.SipCalls.AGENT_HZ;
import static org.sangdam.it.sip.SipCalls.CUSTOMER_HZ;
import static org.sangdam.it.sip.SipCalls.SIP;
import static org.sangdam.it.sip.SipCalls.agentPhone;
import static org.sangdam.it.sip.SipCalls.connect;
import static org.sangdam.it.sip.SipCalls.customer;

/**
 * Issue 7 parts 5 and 6 with real peers: baresip as customer (700 Hz) and as the agent's
 * phone (1300 Hz), the call recorded by the server and fetched through the ticket's
 * REST API like a user would; the tones are told apart by Goertzel per channel.
 */
@DisplayName("Issue 7 call recording and call events on the ticket, with real peers")
class CallRecordingIT extends SipIT {
    private static final String API = System.getProperty("sangdam.it.baseUrl", "http://127.0.0.1:8180/sangdam") + "/api";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<byte[]> get(SipAdmin.PhoneAgent as, String path) {
        try {
            String auth = "Basic " + Base64.getEncoder().encodeToString((as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ticket(SipAdmin.PhoneAgent as, long id) throws IOException {
        HttpResponse<byte[]> r = get(as, "/tickets/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** the two channels of a 16-bit stereo WAV */
    private static short[][] stereo(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(b.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(b.getInt(24)).as("rate").isEqualTo(8000);
        int frames = b.getInt(40) / 4;
        assertThat(44 + frames * 4).as("header size matches the data").isEqualTo(wav.length);
        short[][] ch = new short[2][frames];
        for (int i = 0; i < frames; i++) {
            ch[0][i] = b.getShort(44 + 4 * i);
            ch[1][i] = b.getShort(46 + 4 * i);
        }
        return ch;
    }

    private static int blocksWith(short[] s, double hz) {
        int count = 0;
        for (int start = 0; start + 160 <= s.length; start += 160) {
            if (Tones.share(s, start, 160, hz, 8000) > 0.5) {
                count++;
            }
        }
        return count;
    }

    @Test
    @DisplayName("Part 5: the call's recording (customer left, agent right) holds both parties' tones, is served to the service's users "
            + "and is 404 for another service's user; part 6: the ticket's timeline shows hold, release and the recording")
    void recordingHoldsBothPartiesAndIsOnlyForTheService() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent stranger = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        long ticket;
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01055556666")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            ticket = connect(customer, did, desk, phone, "01055556666");
            Path customerHears = customer.receivedAudio().getLast();
            await("3 s of talking").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ) >= 150);
            HttpResponse<byte[]> early = get(agent, "/tickets/" + ticket + "/recording");
            assertThat(early.statusCode()).as("while the call goes on").isEqualTo(409);
            JsonNode why = JSON.readTree(early.body());
            assertThat(why.path("error").asText()).isEqualTo("conflict");
            assertThat(why.path("message").asText()).contains("not ready yet");
            assertThat(ticket(agent, ticket).path("recordingReady").asBoolean()).as("the ticket says so too").isFalse();
            assertThat(desk.act("hold").path("state").asText()).isEqualTo("ON_HOLD");
            Thread.sleep(1000); // a second on hold, for the timeline
            assertThat(desk.act("release").path("state").asText()).isEqualTo("ON_CALL");
            int released = Tones.length(customerHears);
            await("talking again").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ, released) >= 50);
            desk.act("hang-up");
            customer.awaitEvent("CALL_CLOSED", SIP);
            desk.awaitState("AFTER_CALL_WORK", SIP);
        }

        JsonNode info = ticket(agent, ticket);
        assertThat(info.path("recording").asText()).isEqualTo("/api/tickets/" + ticket + "/recording");
        List<String> kinds = new ArrayList<>();
        info.path("events").forEach(e -> kinds.add(e.path("kind").asText()));
        assertThat(kinds).containsSubsequence("CONNECTED", "HELD", "RELEASED", "AGENT_HUNG_UP").contains("RECORDING");

        HttpResponse<byte[]>[] served = new HttpResponse[1];
        await("the recording is written when the call ends (409 \"not ready yet\" until then)").atMost(SIP).pollInterval(Duration.ofMillis(300))
                .until(() -> (served[0] = get(agent, "/tickets/" + ticket + "/recording")).statusCode() == 200);
        assertThat(served[0].headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
        assertThat(ticket(agent, ticket).path("recordingReady").asBoolean()).isTrue();
        short[][] ch = stereo(served[0].body());
        assertThat(blocksWith(ch[0], CUSTOMER_HZ)).as("left: the customer's tone").isGreaterThanOrEqualTo(150);
        assertThat(blocksWith(ch[1], AGENT_HZ)).as("right: the agent's tone").isGreaterThanOrEqualTo(150);
        assertThat(blocksWith(ch[0], AGENT_HZ)).as("left holds only the customer").isLessThan(5);
        assertThat(blocksWith(ch[1], CUSTOMER_HZ)).as("right holds only the agent").isLessThan(5);

        assertThat(get(stranger, "/tickets/" + ticket + "/recording").statusCode()).as("another service's user").isEqualTo(404);
        assertThat(get(stranger, "/tickets/" + ticket).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("Part 5: a service with recording turned off gets no recording: the ticket links none and the API answers 404")
    void serviceWithoutRecording() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        assertThat(SipAdmin.recording(agent.serviceId(), false).path("recordingEnabled").asBoolean()).isFalse();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        long ticket;
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01077778888")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            ticket = connect(customer, did, desk, phone, "01077778888");
            Path customerHears = customer.receivedAudio().getLast();
            await("talking").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ) >= 50);
            customer.hangUp();
            desk.awaitState("AFTER_CALL_WORK", SIP);
        }
        assertThat(ticket(agent, ticket).hasNonNull("recording")).as("the ticket links no recording").isFalse();
        assertThat(get(agent, "/tickets/" + ticket + "/recording").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("Issue 7.2 the customer hanging up during consultation ends only the customer leg: agent and target keep talking both ways, "
            + "Hang up then ends it and the agent goes to after-call work; the ticket shows the consultation and who hung up")
    void customerHangsUpDuringConsultation() throws Exception {
        int targetHz = 1900;
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent colleague = SipAdmin.newPhoneAgentIn(agent.serviceId());
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        try (Baresip phone = agentPhone(agent); Baresip target = agentPhone(colleague, targetHz); Baresip customer = customer("01034343434")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            long ticket = connect(customer, did, desk, phone, "01034343434");
            new CtiDesk(colleague).ready();
            desk.consultAgent(colleague.userId());
            target.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL_TRANSFER", SIP);

            customer.hangUp();
            customer.awaitEvent("CALL_CLOSED", SIP);
            await("the core has the customer gone").atMost(SIP).pollInterval(Duration.ofMillis(200))
                    .until(() -> "CONSULT_ONLY".equals(desk.view().path("call").path("state").asText()));
            JsonNode view = desk.view();
            assertThat(view.path("state").asText()).as("the agent still talks with the target").isEqualTo("ON_CALL_TRANSFER");
            assertThat(view.path("allowed")).extracting(JsonNode::asText).contains("HANG_UP").doesNotContain("TRANSFER_COMPLETED");

            Path agentHears = phone.receivedAudio().getLast();
            Path targetHears = target.receivedAudio().getLast();
            int agentFrom = Tones.length(agentHears);
            int targetFrom = Tones.length(targetHears);
            await("the agent hears the target after the customer left").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(agentHears, targetHz, agentFrom) >= 100);
            await("the target hears the agent after the customer left").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(targetHears, AGENT_HZ, targetFrom) >= 100);

            assertThat(desk.act("hang-up").path("state").asText()).isEqualTo("AFTER_CALL_WORK");
            phone.awaitEvent("CALL_CLOSED", SIP);
            target.awaitEvent("CALL_CLOSED", SIP);

            List<String> kinds = new ArrayList<>();
            ticket(agent, ticket).path("events").forEach(e -> kinds.add(e.path("kind").asText()));
            assertThat(kinds).containsSubsequence("CONNECTED", "CONSULT_STARTED", "CONSULT_CONNECTED", "CUSTOMER_HUNG_UP", "AGENT_HUNG_UP");
        }
    }

    @Test
    @DisplayName("Issue 7.2 a busy consultation target (486 through the trunk) returns the agent to On hold; the ticket shows the cause; Release brings the customer back")
    void busyConsultationTarget() throws Exception {
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        JsonNode trunk = SipAdmin.outboundTrunk();
        int targetPort = SipPeers.ports(2);
        SipAdmin.pointTrunk(trunk, SipPeers.HOST, targetPort);
        try (Baresip phone = agentPhone(agent); Baresip customer = customer("01045454545")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            long ticket = connect(customer, did, desk, phone, "01045454545");
            var busy = Sipp.scenario("uas-busy-expect-ack").port(targetPort).start();
            desk.consultNumber("010-5555-0001");
            Sipp.Result target = busy.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(target.passed()).as(target.toString()).isTrue();
            desk.awaitState("ON_HOLD", SIP);

            JsonNode failed = null;
            for (JsonNode e : ticket(agent, ticket).path("events")) {
                if (e.path("kind").asText().equals("CONSULT_FAILED")) {
                    failed = e;
                }
            }
            assertThat(failed).as("the ticket records the failed consultation").isNotNull();
            assertThat(failed.path("detail").asText()).contains("486");

            assertThat(desk.act("release").path("state").asText()).isEqualTo("ON_CALL");
            Path customerHears = customer.receivedAudio().getLast();
            int released = Tones.length(customerHears);
            await("the customer hears the agent again").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ, released) >= 50);
            desk.act("hang-up");
            customer.awaitEvent("CALL_CLOSED", SIP);
        } finally {
            SipAdmin.pointTrunk(trunk, trunk.path("host").asText(), trunk.path("port").asInt());
        }
    }

    @Test
    @DisplayName("Part 5/6: the recording goes on through consultation and transfer: after Connect customer the right channel is the target; "
            + "the ticket's timeline shows the transfer with its target")
    void recordingFollowsTheTransfer() throws Exception {
        int targetHz = 1900;
        SipAdmin.PhoneAgent agent = SipAdmin.newPhoneAgent();
        SipAdmin.PhoneAgent colleague = SipAdmin.newPhoneAgentIn(agent.serviceId());
        String did = SipAdmin.newInboundNumber(agent.serviceId());
        long ticket;
        try (Baresip phone = agentPhone(agent); Baresip target = agentPhone(colleague, targetHz); Baresip customer = customer("01056565656")) {
            CtiDesk desk = new CtiDesk(agent).ready();
            ticket = connect(customer, did, desk, phone, "01056565656");
            Path customerHears = customer.receivedAudio().getLast();
            await("talking").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, AGENT_HZ) >= 100);
            new CtiDesk(colleague).ready();
            desk.consultAgent(colleague.userId());
            target.awaitEvent("CALL_ESTABLISHED", SIP);
            desk.awaitState("ON_CALL_TRANSFER", SIP);
            desk.act("connect-customer");
            phone.awaitEvent("CALL_CLOSED", SIP);
            int transferred = Tones.length(customerHears);
            await("the customer talks with the target").atMost(SIP).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tones.blocksWith(customerHears, targetHz, transferred) >= 150);
            customer.hangUp();
            target.awaitEvent("CALL_CLOSED", SIP);
        }
        JsonNode info = ticket(agent, ticket);
        JsonNode transfer = null;
        for (JsonNode e : info.path("events")) {
            if (e.path("kind").asText().equals("TRANSFERRED_TO_AGENT")) { // the target is an agent, who takes the call over
                transfer = e;
            }
        }
        assertThat(transfer).as("the timeline shows the transfer: " + info.path("events")).isNotNull();
        assertThat(transfer.path("detail").asText()).isEqualTo("connected to " + colleague.ctiNumber());

        HttpResponse<byte[]>[] served = new HttpResponse[1];
        await("the recording").atMost(SIP).pollInterval(Duration.ofMillis(300))
                .until(() -> (served[0] = get(agent, "/tickets/" + ticket + "/recording")).statusCode() == 200);
        short[][] ch = stereo(served[0].body());
        assertThat(blocksWith(ch[0], CUSTOMER_HZ)).as("left: the customer throughout").isGreaterThanOrEqualTo(250);
        assertThat(blocksWith(ch[1], AGENT_HZ)).as("right: the first agent before the transfer").isGreaterThanOrEqualTo(100);
        assertThat(blocksWith(ch[1], targetHz)).as("right: the target after the transfer").isGreaterThanOrEqualTo(150);
    }
}
