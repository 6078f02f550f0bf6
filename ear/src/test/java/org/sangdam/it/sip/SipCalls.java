package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up every real-phone call test repeats, in one place: the server's SIP address,
 * baresip as the customer (sending {@link #CUSTOMER_HZ}) and as an agent's registered phone
 * (sending {@link #AGENT_HZ}), each recording what it hears; "the customer calls, the agent
 * is offered the call and answers"; and the audio measures beside {@link Tones}.
 */
final class SipCalls {
    static final int CUSTOMER_HZ = 700;
    static final int AGENT_HZ = 1300;
    /** 2 s of a tone, in 20 ms blocks */
    static final int TWO_SECONDS = 100;
    /** how long a SIP exchange or state change may take on a loaded machine */
    static final Duration SIP = Duration.ofSeconds(15);

    private SipCalls() {
    }

    static String server() {
        return SipPeers.HOST + ":" + SipPeers.SERVER_PORT;
    }

    /** the agent's phone, registered, answering by itself, sending {@link #AGENT_HZ} */
    static Baresip agentPhone(SipAdmin.PhoneAgent agent) {
        return agentPhone(agent, AGENT_HZ);
    }

    static Baresip agentPhone(SipAdmin.PhoneAgent agent, int toneHz) {
        return phone(agent, toneHz, "auto");
    }

    /** an agent phone that rings instead of answering by itself */
    static Baresip ringingAgentPhone(SipAdmin.PhoneAgent agent) {
        return phone(agent, AGENT_HZ, "manual");
    }

    private static Baresip phone(SipAdmin.PhoneAgent agent, int toneHz, String answerMode) {
        Baresip phone = Baresip.start("agent-" + agent.ctiNumber(), "<sip:" + agent.ctiNumber() + "@" + server() + ">;auth_pass="
                + agent.sipPassword() + ";regint=600;answermode=" + answerMode, toneHz, true);
        try {
            phone.awaitRegistered();
        } catch (RuntimeException | AssertionError e) {
            phone.close();
            throw e;
        }
        return phone;
    }

    /** a customer's phone behind the trunk (not registered), sending {@link #CUSTOMER_HZ} */
    static Baresip customer(String number) {
        return Baresip.start("customer-" + number, "<sip:" + number + "@" + SipPeers.HOST + ">;regint=0", CUSTOMER_HZ, true);
    }

    /** the customer dials the DID and is answered (by the scenario) */
    static Path calls(Baresip customer, String did) {
        customer.dial("sip:" + did + "@" + server());
        customer.awaitEvent("CALL_ESTABLISHED", SIP);
        return lastRecording(customer);
    }

    /** what the peer hears in its latest call */
    static Path lastRecording(Baresip peer) {
        assertThat(peer.receivedAudio()).as(peer + " recorded nothing; log:\n" + peer.log()).isNotEmpty();
        return peer.receivedAudio().getLast();
    }

    /**
     * The customer calls, the agent is offered the call and answers in the CTI API;
     * both phones end up in the call. Returns the ticket the answer opened.
     */
    static long connect(Baresip customer, String did, CtiDesk desk, Baresip phone, String customerNumber) {
        calls(customer, did);
        return answer(desk, phone, customerNumber);
    }

    /** the agent is offered the waiting call and answers; returns the ticket */
    static long answer(CtiDesk desk, Baresip phone, String customerNumber) {
        JsonNode offered = desk.awaitState("OFFERED", SIP);
        assertThat(offered.path("call").path("customerNumber").asText()).isEqualTo(customerNumber);
        JsonNode onCall = desk.act("answer");
        assertThat(onCall.path("state").asText()).isEqualTo("ON_CALL");
        JsonNode established = phone.awaitEvent("CALL_ESTABLISHED", SIP);
        assertThat(established.path("peeruri").asText()).as("the agent's phone shows the caller").contains(customerNumber);
        long ticket = onCall.path("call").path("ticketId").asLong();
        assertThat(ticket).isPositive();
        return ticket;
    }

    /**
     * 20 ms blocks from sample {@code from} on whose level is well above silence and which
     * are not {@code notHz} (pass 0 to count any sound): speech from a prompt, told apart
     * from a tone playing before and after it.
     */
    static int soundBlocks(Path file, int from, double notHz) {
        short[] s = Tones.Wav.read(file).samples();
        int count = 0;
        for (int start = from; start + 160 <= s.length; start += 160) {
            double sum = 0;
            for (int i = start; i < start + 160; i++) {
                sum += (double) s[i] * s[i];
            }
            if (Math.sqrt(sum / 160) > 1000 && (notHz <= 0 || Tones.share(s, start, 160, notHz, 8000) < 0.5)) {
                count++;
            }
        }
        return count;
    }

    /** 20 ms blocks in samples [{@code from}, {@code to}) in which {@code hz} dominates */
    static int toneBlocks(Path file, double hz, int from, int to) {
        short[] s = Tones.Wav.read(file).samples();
        int count = 0;
        for (int start = from; start + 160 <= Math.min(to, s.length); start += 160) {
            if (Tones.share(s, start, 160, hz, 8000) > 0.5) {
                count++;
            }
        }
        return count;
    }

    /** a WAV as an administrator's audio tool writes it: 16-bit PCM mono at 16 kHz, a sine of {@code hz} */
    static byte[] toneWav(int hz, int seconds) {
        int rate = 16000;
        int frames = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * 2);
        for (int i = 0; i < frames; i++) {
            b.putShort((short) Math.round(12000 * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        return b.array();
    }
}
