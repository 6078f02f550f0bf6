package org.sangdam.media;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Issue 5 part 5: the RTP media engine relays, transcodes, plays and hears digits on real UDP sockets")
class RtpMediaEngineTest {
    private static final String PCMU = "0 PCMU/8000";
    private static final String PCMA = "8 PCMA/8000";
    private static final String EVENTS_101 = "101 telephone-event/8000";
    private static final String EVENTS_96 = "96 telephone-event/8000";

    private RtpMediaEngine engine;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() {
        engine = new RtpMediaEngine(new MediaSettings("127.0.0.1", 31000, 31999));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        engine.close();
    }

    /** Awaits polling every 5 ms (Awaitility's default 100 ms would blur the timing checks). */
    static ConditionFactory await() {
        return Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(5));
    }

    private TestPhone phone() throws IOException {
        TestPhone phone = new TestPhone();
        closeables.add(phone);
        return phone;
    }

    /** A leg that answered the phone's offer, and the phone pointed at it. */
    private MediaLeg answered(TestPhone phone, String... formats) {
        MediaLeg leg = engine.openLeg("leg-" + phone.port());
        leg.answer(phone.offer(formats));
        phone.talkTo(leg);
        return leg;
    }

    private static void awaitPackets(TestPhone phone, int pt, int count) {
        await().until(() -> phone.packets(pt).size() >= count);
    }

    @Test
    @DisplayName("a bridge carries each phone's tone to the other, both ways")
    void bridgeBothWays() throws IOException {
        TestPhone one = phone();
        TestPhone two = phone();
        MediaLeg a = answered(one, PCMU, EVENTS_101);
        MediaLeg b = answered(two, PCMU, EVENTS_101);
        engine.bridge(a, b);

        one.sendTone(Codec.PCMU, 1000, 50);
        two.sendTone(Codec.PCMU, 440, 50);
        awaitPackets(two, 0, 50);
        awaitPackets(one, 0, 50);

        short[] heardByTwo = two.audio(Codec.PCMU);
        short[] heardByOne = one.audio(Codec.PCMU);
        assertThat(TestPhone.toneRatio(heardByTwo, 1000)).isGreaterThan(0.95);
        assertThat(TestPhone.toneRatio(heardByTwo, 440)).isLessThan(0.05);
        assertThat(TestPhone.toneRatio(heardByOne, 440)).isGreaterThan(0.9);
        assertThat(TestPhone.toneRatio(heardByOne, 1000)).isLessThan(0.05);
        assertThat(two.received).allSatisfy(p -> assertThat(p.from()).isEqualTo(new InetSocketAddress("127.0.0.1", b.localPort())));
        assertThat(engine.stats().packetsRelayed()).isGreaterThanOrEqualTo(100);
        assertThat(engine.stats().openLegs()).isEqualTo(2);
    }

    @Test
    @DisplayName("the counters tell the directions apart: packets from the customer's leg and from the agent's leg, received, relayed and dropped")
    void countsByDirection() throws IOException {
        TestPhone customerPhone = phone();
        TestPhone agentPhone = phone();
        MediaLeg customer = engine.openLeg("customer 0101234 call 1");
        customer.answer(customerPhone.offer(PCMU));
        customerPhone.talkTo(customer);
        MediaLeg agent = engine.openLeg("agent 7001 call 1");
        agent.answer(agentPhone.offer(PCMU));
        agentPhone.talkTo(agent);
        engine.bridge(customer, agent);

        customerPhone.sendTone(Codec.PCMU, 1000, 30);
        agentPhone.sendTone(Codec.PCMU, 440, 10);
        TestPhone stranger = phone();
        stranger.talkTo(agent);
        stranger.sendTone(Codec.PCMU, 440, 4);
        awaitPackets(agentPhone, 0, 30);
        awaitPackets(customerPhone, 0, 10);
        await().until(() -> engine.stats().fromOtherLegs().dropped() >= 4);

        MediaStats stats = engine.stats();
        assertThat(stats.fromCustomerLegs()).isEqualTo(new MediaStats.Direction(30, 30, 0));
        assertThat(stats.fromOtherLegs()).isEqualTo(new MediaStats.Direction(14, 10, 4));
        assertThat(stats.packetsReceived()).isEqualTo(44);
        assertThat(stats.packetsRelayed()).isEqualTo(40);
        assertThat(stats.packetsDropped()).isEqualTo(4);
    }

    @Test
    @DisplayName("PCMU on one leg and PCMA on the other: the relay transcodes both ways")
    void transcodes() throws IOException {
        TestPhone ulaw = phone();
        TestPhone alaw = phone();
        MediaLeg a = answered(ulaw, PCMU);
        MediaLeg b = answered(alaw, PCMA, PCMU); // the first offered codec wins: PCMA
        assertThat(b.answer(alaw.offer(PCMA, PCMU))).contains("m=audio " + b.localPort() + " RTP/AVP 8\r\n");
        engine.bridge(a, b);

        ulaw.sendTone(Codec.PCMU, 1000, 25);
        alaw.sendTone(Codec.PCMA, 440, 25);
        awaitPackets(alaw, 8, 25);
        awaitPackets(ulaw, 0, 25);

        assertThat(alaw.packets(0)).isEmpty();
        assertThat(ulaw.packets(8)).isEmpty();
        assertThat(TestPhone.toneRatio(alaw.audio(Codec.PCMA), 1000)).isGreaterThan(0.95);
        assertThat(TestPhone.toneRatio(ulaw.audio(Codec.PCMU), 440)).isGreaterThan(0.9);
    }

    @Test
    @DisplayName("re-bridging and playback keep one SSRC, consecutive sequence numbers and a timestamp that follows the clock")
    void continuityAcrossRebridgeAndPlayback() throws IOException {
        TestPhone customer = phone();
        TestPhone agent1 = phone();
        TestPhone agent2 = phone();
        MediaLeg c = answered(customer, PCMU, EVENTS_101);
        MediaLeg a1 = answered(agent1, PCMU, EVENTS_101);
        MediaLeg a2 = answered(agent2, PCMA, EVENTS_101);

        engine.bridge(c, a1);
        long agent1Sent = System.nanoTime();
        agent1.sendTone(Codec.PCMU, 1000, 10);
        awaitPackets(customer, 0, 10);

        engine.bridge(c, a2); // customer now hears agent 2, whose stream has its own SSRC/seq/ts
        long agent2Sent = System.nanoTime();
        agent2.sendTone(Codec.PCMA, 1000, 10);
        awaitPackets(customer, 0, 20);
        long agent2Received = System.nanoTime();

        AtomicInteger ended = new AtomicInteger();
        c.play(Prompts.tone("beep", 100, 0, 800), false, ended::incrementAndGet);
        await().until(() -> ended.get() == 1);
        awaitPackets(customer, 0, 25);

        agent2.sendTone(Codec.PCMA, 1000, 5); // back to the bridge after the prompt
        awaitPackets(customer, 0, 30);

        List<TestPhone.Packet> got = customer.packets(0);
        assertThat(got).hasSize(30);
        assertThat(got).extracting(TestPhone.Packet::ssrc).containsOnly(got.get(0).ssrc())
                .doesNotContain(agent1.ssrc, agent2.ssrc);
        for (int i = 1; i < got.size(); i++) {
            TestPhone.Packet prev = got.get(i - 1);
            TestPhone.Packet p = got.get(i);
            assertThat(p.seq()).as("sequence of packet %d", i).isEqualTo((prev.seq() + 1) & 0xFFFF);
            long step = (p.ts() - prev.ts()) & 0xFFFFFFFFL;
            assertThat(step).as("timestamp step at packet %d", i).isGreaterThanOrEqualTo(160).isLessThan(8000 * 5);
        }
        // a new source starts with the marker bit, and its first timestamp advanced by the time elapsed
        assertThat(got.get(10).marker()).isTrue();
        assertThat(got.get(20).marker()).isTrue();
        assertThat(got.get(25).marker()).isTrue();
        // the step at a change of source is the wall-clock time between the two packets: at most the
        // time from before the old source sent to after the new source's packet arrived
        long gap = (got.get(10).ts() - got.get(9).ts()) & 0xFFFFFFFFL;
        assertThat(gap).isLessThanOrEqualTo((agent2Received - agent1Sent) * 8 / 1_000_000 + 160);
        long playGap = (got.get(20).ts() - got.get(19).ts()) & 0xFFFFFFFFL;
        assertThat(playGap).isLessThanOrEqualTo((System.nanoTime() - agent2Sent) * 8 / 1_000_000 + 160);
        // the prompt's five frames are evenly spaced
        for (int i = 21; i < 25; i++) {
            assertThat((got.get(i).ts() - got.get(i - 1).ts()) & 0xFFFFFFFFL).isEqualTo(160);
        }
    }

    @Test
    @DisplayName("packets from an address other than the SDP's are ignored and counted as dropped")
    void ignoresStrangers() throws IOException {
        TestPhone one = phone();
        TestPhone two = phone();
        MediaLeg a = answered(one, PCMU);
        MediaLeg b = answered(two, PCMU);
        engine.bridge(a, b);

        TestPhone stranger = phone();
        stranger.talkTo(a);
        stranger.sendTone(Codec.PCMU, 440, 5);
        one.sendTone(Codec.PCMU, 1000, 5);
        awaitPackets(two, 0, 5);
        await().until(() -> engine.stats().packetsDropped() >= 5);

        assertThat(two.packets(0)).hasSize(5);
        assertThat(TestPhone.toneRatio(two.audio(Codec.PCMU), 1000)).isGreaterThan(0.95);
        assertThat(stranger.received).isEmpty();
    }

    @Test
    @DisplayName("an offer with no PCMU/PCMA (or only SRTP) is refused: the SIP layer answers 488")
    void noCommonCodec() throws IOException {
        TestPhone phone = phone();
        MediaLeg leg = engine.openLeg("g729");
        assertThatThrownBy(() -> leg.answer(phone.offer("18 G729/8000", "9 G722/8000")))
                .isInstanceOf(NoCommonCodecException.class).hasMessageContaining("no PCMU or PCMA");
        String srtp = phone.offer(PCMU).replace("RTP/AVP", "RTP/SAVP");
        assertThatThrownBy(() -> leg.answer(srtp)).isInstanceOf(NoCommonCodecException.class);
        assertThatThrownBy(() -> leg.answer("this is not SDP")).isInstanceOf(NoCommonCodecException.class);
        leg.offer();
        assertThatThrownBy(() -> leg.answered(phone.offer("18 G729/8000"))).isInstanceOf(NoCommonCodecException.class);
        // a wideband PCMU is not our PCMU
        assertThatThrownBy(() -> leg.answer(phone.offer("96 PCMU/16000"))).isInstanceOf(NoCommonCodecException.class);
    }

    @Test
    @DisplayName("RFC 4733 digits reach onDigit once each (retransmitted end packets too) and are relayed with the other side's payload type")
    void digits() throws IOException {
        TestPhone customer = phone();
        TestPhone agent = phone();
        MediaLeg c = answered(customer, PCMU, EVENTS_101);
        MediaLeg a = answered(agent, PCMU, EVENTS_96);
        List<Integer> digits = new CopyOnWriteArrayList<>();
        c.onDigit(digits::add);
        engine.bridge(c, a);

        customer.sendDigit(101, 5);
        customer.sendDigit(101, 11);
        customer.sendDigit(101, 9);
        await().until(() -> digits.size() >= 3);
        awaitPackets(agent, 96, 18);

        assertThat(digits).containsExactly((int) '5', (int) '#', (int) '9');
        List<TestPhone.Packet> events = agent.packets(96);
        assertThat(events).hasSize(18);
        assertThat(events.get(0).payload()[0]).isEqualTo((byte) 5);
        assertThat(events.get(6).payload()[0]).isEqualTo((byte) 11);
        // one event's packets share a timestamp; the end bit survives
        assertThat(events.subList(0, 6)).extracting(TestPhone.Packet::ts).containsOnly(events.get(0).ts());
        assertThat(events.get(5).payload()[1] & 0x80).isEqualTo(0x80);
        assertThat(agent.packets(101)).isEmpty();

        // a phone that negotiated no telephone-event gets no event packets, the digit is still told
        TestPhone plain = phone();
        MediaLeg p = answered(plain, PCMU);
        engine.bridge(c, p);
        customer.sendDigit(101, 1);
        customer.sendTone(Codec.PCMU, 1000, 2);
        awaitPackets(plain, 0, 2);
        await().until(() -> digits.size() == 4);
        assertThat(digits.get(3)).isEqualTo((int) '1');
        assertThat(plain.received).allSatisfy(packet -> assertThat(packet.pt()).isZero());
    }

    @Test
    @DisplayName("a prompt is sent in 20 ms frames and its end is told once; a looping prompt goes on until stopped")
    void playback() throws IOException {
        TestPhone phone = phone();
        MediaLeg leg = answered(phone, PCMA);
        AtomicInteger ended = new AtomicInteger();
        leg.play(Prompts.tone("tone", 200, 0, 1000), false, ended::incrementAndGet);
        await().until(() -> ended.get() == 1);
        awaitPackets(phone, 8, 10);
        assertThat(phone.packets(8)).hasSize(10).allSatisfy(p -> assertThat(p.payload()).hasSize(160));
        assertThat(TestPhone.toneRatio(phone.audio(Codec.PCMA), 1000)).isGreaterThan(0.95);

        leg.play(Prompts.ringback(), true, ended::incrementAndGet);
        awaitPackets(phone, 8, 30);
        leg.stopPlaying();
        int stoppedAt = phone.packets(8).size();
        leg.play(Prompts.tone("marker", 20, 0, 2000), false, ended::incrementAndGet);
        await().until(() -> ended.get() == 2);
        awaitPackets(phone, 8, stoppedAt + 1);
        assertThat(ended.get()).isEqualTo(2); // stopping a prompt does not call its onEnd
    }

    @Test
    @DisplayName("hold: c=0.0.0.0 or a=sendonly from the far end stops our sending; the answer mirrors the direction")
    void hold() throws IOException {
        TestPhone phone = phone();
        MediaLeg leg = engine.openLeg("hold");
        String answer = leg.answer(phone.offerWith("sendonly", PCMU, EVENTS_101));
        assertThat(answer).contains("a=recvonly").contains("a=rtpmap:101 telephone-event/8000");
        leg.play(Prompts.tone("t", 100, 0, 1000), false, () -> { });
        String zero = phone.offer(PCMU).replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0");
        assertThat(leg.answer(zero)).contains("a=sendrecv");
        AtomicInteger ended = new AtomicInteger();
        leg.play(Prompts.tone("t", 100, 0, 1000), false, ended::incrementAndGet);
        await().until(() -> ended.get() == 1);
        assertThat(phone.received).isEmpty();

        assertThat(leg.answer(phone.offerWith("inactive", PCMU))).contains("a=inactive");
        assertThat(leg.answer(phone.offerWith("recvonly", PCMU))).contains("a=sendonly");
        leg.play(Prompts.tone("t", 100, 0, 1000), false, ended::incrementAndGet);
        awaitPackets(phone, 0, 5);
    }

    @Test
    @DisplayName("offer/answer: a video stream is refused with port 0, our offer lists PCMU, PCMA and telephone-event")
    void sdp() throws IOException {
        TestPhone phone = phone();
        MediaLeg leg = engine.openLeg("sdp");
        String offer = phone.offer(PCMA, EVENTS_96) + "m=video 5000 RTP/AVP 97\r\na=rtpmap:97 H264/90000\r\n";
        String answer = leg.answer(offer);
        assertThat(answer).startsWith("v=0\r\n").contains("c=IN IP4 127.0.0.1\r\n")
                .contains("m=audio " + leg.localPort() + " RTP/AVP 8 96\r\n").contains("m=video 0 RTP/AVP 97\r\n");
        assertThat(answer.indexOf("m=audio")).isLessThan(answer.indexOf("m=video"));

        MediaLeg other = engine.openLeg("offerer");
        String ours = other.offer();
        assertThat(ours).contains("m=audio " + other.localPort() + " RTP/AVP 0 8 101\r\n")
                .contains("a=rtpmap:101 telephone-event/8000").contains("a=sendrecv");
        assertThat(other.localPort() % 2).isZero();
        assertThat(leg.localPort() % 2).isZero();
        other.answered(phone.offer(PCMA));
        phone.talkTo(other);
        other.play(Prompts.tone("t", 40, 0, 1000), false, () -> { });
        awaitPackets(phone, 8, 2);
    }

    @Test
    @DisplayName("with several I/O threads, a call's legs read by different threads are joined on bridging: "
            + "audio flows both ways, also after re-bridging to a third leg (a transfer), and a closed leg's ports are free again")
    void severalIoThreads() throws IOException {
        try (RtpMediaEngine three = new RtpMediaEngine(new MediaSettings("127.0.0.1", 32200, 32299), 3)) {
            TestPhone one = phone();
            TestPhone two = phone();
            TestPhone other = phone();
            // opened one after the other: each leg is read by another of the three threads
            MediaLeg a = three.openLeg("a");
            MediaLeg b = three.openLeg("b");
            MediaLeg c = three.openLeg("c");
            a.answer(one.offer(PCMU));
            b.answer(two.offer(PCMU));
            c.answer(other.offer(PCMU));
            one.talkTo(a);
            two.talkTo(b);
            other.talkTo(c);

            three.bridge(a, b);
            one.sendTone(Codec.PCMU, 1000, 25);
            two.sendTone(Codec.PCMU, 440, 25);
            awaitPackets(two, 0, 25);
            awaitPackets(one, 0, 25);
            assertThat(TestPhone.toneRatio(two.audio(Codec.PCMU), 1000)).isGreaterThan(0.95);
            assertThat(TestPhone.toneRatio(one.audio(Codec.PCMU), 440)).isGreaterThan(0.9);

            three.bridge(a, c); // b is left alone; c, read by the third thread, now talks with a
            int toTwo = two.packets(0).size();
            one.received.clear();
            one.sendTone(Codec.PCMU, 1000, 25);
            other.sendTone(Codec.PCMU, 440, 25);
            awaitPackets(other, 0, 25);
            awaitPackets(one, 0, 25);
            assertThat(TestPhone.toneRatio(other.audio(Codec.PCMU), 1000)).isGreaterThan(0.95);
            assertThat(TestPhone.toneRatio(one.audio(Codec.PCMU), 440)).isGreaterThan(0.9);
            assertThat(two.packets(0)).hasSize(toTwo);

            int port = b.localPort();
            b.close();
            await().untilAsserted(() -> {
                try (DatagramChannel again = DatagramChannel.open()) {
                    again.bind(new InetSocketAddress("127.0.0.1", port));
                }
            });
            assertThat(three.stats().openLegs()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("the number of I/O threads is checked: at least one")
    void ioThreadsChecked() {
        assertThatThrownBy(() -> new RtpMediaEngine(new MediaSettings("127.0.0.1", 32300, 32399), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("I/O threads");
    }

    @Test
    @DisplayName("a port pair taken by another process is skipped; closing a leg frees its ports")
    void ports() throws IOException {
        try (DatagramChannel squatter = DatagramChannel.open();
             RtpMediaEngine small = new RtpMediaEngine(new MediaSettings("127.0.0.1", 32100, 32105))) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 32101)); // the RTCP port of the first pair
            MediaLeg first = small.openLeg("first");
            MediaLeg second = small.openLeg("second");
            assertThat(first.localPort()).isEqualTo(32102);
            assertThat(second.localPort()).isEqualTo(32104);
            assertThatThrownBy(() -> small.openLeg("third")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no free RTP port");
            small.bridge(first, second);
            first.close();
            first.close();
            small.unbridge(first); // a closed leg: nothing to do, no error
            assertThatThrownBy(() -> small.bridge(first, second)).isInstanceOf(IllegalArgumentException.class);
            await().untilAsserted(() -> assertThat(small.openLeg("again").localPort()).isEqualTo(32102));
            assertThat(small.stats().openLegs()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("millisSinceLastPacket counts from the last packet of the far end; RTCP is received and ignored")
    void lastPacket() throws IOException {
        TestPhone phone = phone();
        MediaLeg leg = answered(phone, PCMU);
        await().until(() -> leg.millisSinceLastPacket() >= 400);
        phone.sendTone(Codec.PCMU, 1000, 1);
        await().until(() -> leg.millisSinceLastPacket() < 300); // counts again from the packet
        assertThat(engine.stats().packetsReceived()).isEqualTo(1);
        ByteBuffer rtcp = ByteBuffer.wrap(new byte[]{(byte) 0x80, (byte) 201, 0, 1, 1, 2, 3, 4});
        phone.channel.send(rtcp, new InetSocketAddress("127.0.0.1", leg.localPort() + 1));
    }

    @Test
    @DisplayName("recording writes what the far end sends to a WAV that loads back as the same tone")
    void recording(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        TestPhone phone = phone();
        MediaLeg leg = answered(phone, PCMA);
        Path wav = dir.resolve("call.wav");
        leg.startRecording(wav);
        phone.sendTone(Codec.PCMA, 1000, 25);
        await().until(() -> engine.stats().packetsReceived() >= 25);
        leg.stopRecording();
        Prompt recorded = Prompts.load(wav);
        assertThat(recorded.samples()).hasSize(25 * 160);
        assertThat(TestPhone.toneRatio(recorded.samples(), 1000)).isGreaterThan(0.95);
        assertThat(Files.size(wav)).isEqualTo(44 + 25 * 320);
    }

    @Test
    @DisplayName("an SDP with a private address (phone behind NAT) latches to the first source; others are ignored after that")
    void latchesBehindNat() throws IOException {
        TestPhone natted = phone();
        TestPhone other = phone();
        MediaLeg a = engine.openLeg("natted");
        // the phone's SDP names its LAN address; its packets come from the NAT's (here 127.0.0.1).
        // Nothing is played or relayed to this leg before it latched, so nothing goes to 10.x.
        a.answer(natted.offer(PCMU).replace("c=IN IP4 127.0.0.1", "c=IN IP4 10.9.8.7"));
        natted.talkTo(a);
        MediaLeg b = answered(other, PCMU);

        natted.sendTone(Codec.PCMU, 1000, 3);
        await().until(() -> engine.stats().packetsReceived() >= 3);
        TestPhone stranger = phone();
        stranger.talkTo(a);
        stranger.sendTone(Codec.PCMU, 440, 2);
        await().until(() -> engine.stats().packetsDropped() >= 2);
        assertThat(engine.stats().packetsDropped()).isEqualTo(2);

        engine.bridge(a, b);
        other.sendTone(Codec.PCMU, 440, 5);
        awaitPackets(natted, 0, 5);
        natted.sendTone(Codec.PCMU, 1000, 5);
        awaitPackets(other, 0, 5);
        assertThat(TestPhone.toneRatio(other.audio(Codec.PCMU), 1000)).isGreaterThan(0.95);
        assertThat(stranger.received).isEmpty();
    }

    @Test
    @DisplayName("session-level c= and direction apply to the media; a re-offer keeps the outgoing stream")
    void reOffer() throws IOException {
        TestPhone phone = phone();
        MediaLeg leg = engine.openLeg("re-offer");
        String sessionLevel = "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\na=sendonly\r\n"
                + "m=audio " + phone.port() + " RTP/AVP 0\r\n";
        assertThat(leg.answer(sessionLevel)).contains("a=recvonly").contains("o=sangdam ").contains(" 1 IN IP4 ");
        String again = leg.answer(phone.offer(PCMU));
        assertThat(again).contains("a=sendrecv").contains(" 2 IN IP4 "); // the o= version goes up
        phone.talkTo(leg);
        leg.play(Prompts.tone("t", 60, 0, 1000), false, () -> { });
        awaitPackets(phone, 0, 3);
    }
}
