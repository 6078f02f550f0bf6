package org.sangdam.sip;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.sip.domain.SipSettings;

import javax.sip.message.Response;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("Issue 5 SIP layer: the JAIN-SIP stack, its dispatcher and a clean stop (real stack on loopback)")
class SipServerTest {
    private int port;
    private SipServer server;
    private RawSip peer;

    /** a REGISTER handler that accepts everything, standing in for the registrar */
    private static final SipHandler ACCEPT_REGISTER = new SipHandler() {
        @Override
        public String method() {
            return "REGISTER";
        }

        @Override
        public void handle(SipExchange exchange) throws Exception {
            exchange.reply(Response.OK);
        }
    };

    /** threads the JDK or the test tools may start meanwhile, which are not the stack's */
    private static final Pattern JDK_OR_TEST_THREAD = Pattern.compile("awaitility.*|ForkJoinPool.*|Common-Cleaner|process reaper.*|Attach Listener");
    private Set<Thread> threadsBefore;

    @BeforeEach
    void start() throws Exception {
        threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
        port = RawSip.freePort();
        server = SipServer.start(settings(port), List.of(new OptionsHandler(), ACCEPT_REGISTER));
        peer = new RawSip("127.0.0.1", port);
    }

    @AfterEach
    void stop() {
        peer.close();
        server.close();
    }

    static SipSettings settings(int port) {
        return SipSettings.from(Map.of("sangdam.sip.port", Integer.toString(port))::get, name -> null);
    }

    private String request(String method, String requestUri, String extraHeaders) {
        return RawSip.message(method + " " + requestUri + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.localPort() + ";branch=" + RawSip.branch() + ";rport\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:probe@127.0.0.1>;tag=t1\n"
                + "To: <sip:1001@127.0.0.1>\n"
                + "Call-ID: " + RawSip.callId() + "\n"
                + "CSeq: 1 " + method + "\n"
                + extraHeaders);
    }

    @Test
    @DisplayName("R1.4 OPTIONS is answered 200 with Allow and Accept, over UDP and over TCP")
    void options() throws Exception {
        RawSip.Reply udp = peer.udp(request("OPTIONS", "sip:127.0.0.1:" + port, ""));
        assertThat(udp).isNotNull();
        assertThat(udp.status()).isEqualTo(200);
        assertThat(String.join(",", udp.all("Allow"))).contains("OPTIONS").contains("REGISTER").doesNotContain("INVITE");
        assertThat(udp.header("Accept")).isEqualTo("application/sdp");
        assertThat(udp.header("Server")).isEqualTo("Sangdam");
        assertThat(udp.header("To")).as("a final response carries a To tag").contains(";tag=");

        String tcpRequest = request("OPTIONS", "sip:127.0.0.1:" + port, "").replace("SIP/2.0/UDP", "SIP/2.0/TCP");
        RawSip.Reply tcp = peer.tcp(tcpRequest);
        assertThat(tcp).isNotNull();
        assertThat(tcp.status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R1.4 a method SIP defines but we do not serve is 405 with Allow; an unknown one 501; BYE and CANCEL outside anything 481")
    void methods() throws Exception {
        RawSip.Reply invite = peer.udp(request("INVITE", "sip:1001@127.0.0.1:" + port, "Contact: <sip:probe@127.0.0.1>\n"));
        assertThat(invite.status()).isEqualTo(Response.METHOD_NOT_ALLOWED);
        assertThat(String.join(",", invite.all("Allow"))).contains("OPTIONS").contains("REGISTER");

        assertThat(peer.udp(request("FOO", "sip:127.0.0.1:" + port, "")).status()).isEqualTo(Response.NOT_IMPLEMENTED);
        assertThat(peer.udp(request("BYE", "sip:1001@127.0.0.1:" + port, "")).status()).isEqualTo(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        assertThat(peer.udp(request("CANCEL", "sip:1001@127.0.0.1:" + port, "")).status()).isEqualTo(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    @Test
    @DisplayName("issue 5 item 6: a CANCEL of an INVITE still being handled gets 200 and the INVITE 487; the handler's late answer is not sent")
    void cancelBeforeAnswer() throws Exception {
        java.util.concurrent.CompletableFuture<SipExchange> handling = new java.util.concurrent.CompletableFuture<>();
        SipHandler slowInvite = new SipHandler() {
            @Override
            public String method() {
                return "INVITE";
            }

            @Override
            public void handle(SipExchange exchange) throws Exception {
                exchange.trying();
                exchange.answerLater(); // as the trunk handler does: the answer comes from the call's queue
                handling.complete(exchange);
            }
        };
        int invitePort = RawSip.freePort();
        try (SipServer calls = SipServer.start(settings(invitePort), List.of(new OptionsHandler(), slowInvite));
             RawSip caller = new RawSip("127.0.0.1", invitePort)) {
            cancelBeforeAnswer(caller, invitePort, handling);
        }
    }

    private void cancelBeforeAnswer(RawSip peer, int port, java.util.concurrent.CompletableFuture<SipExchange> handling) throws Exception {
        String branch = RawSip.branch();
        String callId = RawSip.callId();
        String head = "sip:1001@127.0.0.1:" + port + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.localPort() + ";branch=" + branch + ";rport\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:probe@127.0.0.1>;tag=t1\n"
                + "To: <sip:1001@127.0.0.1>\n"
                + "Call-ID: " + callId + "\n";
        peer.send(RawSip.message("INVITE " + head + "CSeq: 1 INVITE\nContact: <sip:probe@127.0.0.1:" + peer.localPort() + ">\n"));
        SipExchange invite = handling.get(5, java.util.concurrent.TimeUnit.SECONDS);

        peer.send(RawSip.message("CANCEL " + head + "CSeq: 1 CANCEL\n"));
        java.util.Map<String, RawSip.Reply> answers = new java.util.HashMap<>(); // by CSeq method; UDP may reorder them
        for (int i = 0; i < 2; i++) {
            RawSip.Reply reply = peer.nextFinal();
            assertThat(reply).as("answers so far: " + answers).isNotNull();
            answers.put(reply.header("CSeq").replaceAll("[^A-Z]", ""), reply);
        }
        assertThat(answers.get("CANCEL").status()).as("not 481: it matches the INVITE").isEqualTo(Response.OK);
        RawSip.Reply terminated = answers.get("INVITE");
        assertThat(terminated.status()).isEqualTo(Response.REQUEST_TERMINATED);
        assertThat(terminated.header("To")).as("a final response carries a To tag").contains(";tag=");

        assertThat(invite.cancelled()).isTrue();
        assertThat(invite.claimAnswer()).as("the handler learns its answer must not go out").isFalse();
        invite.reply(Response.OK); // what a handler that did not ask would do: nothing is sent
        RawSip.Reply next = peer.nextFinal();
        assertThat(next == null || next.status() == Response.REQUEST_TERMINATED).as("only 487 retransmissions, no 200: " + next).isTrue();
    }

    @Test
    @DisplayName("issue 5 item 6: a request inside a dialog we do not keep (To tag of no live leg) is 481, whatever its method")
    void unknownDialogs() throws Exception {
        for (String method : new String[]{"INVITE", "BYE", "INFO", "UPDATE"}) {
            String inDialog = request(method, "sip:1001@127.0.0.1:" + port, "Contact: <sip:probe@127.0.0.1>\n")
                    .replace("To: <sip:1001@127.0.0.1>", "To: <sip:1001@127.0.0.1>;tag=gone");
            assertThat(peer.udp(inDialog).status()).as(method).isEqualTo(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        }
    }

    @Test
    @DisplayName("R1.4 malformed requests get 400 naming the header, whether the stack or the dispatcher finds the fault")
    void malformed() throws Exception {
        RawSip.Reply badExpires = peer.udp(request("REGISTER", "sip:127.0.0.1:" + port, "Contact: <sip:1001@127.0.0.1:5999>\nExpires: soon\n"));
        assertThat(badExpires.status()).isEqualTo(Response.BAD_REQUEST);
        assertThat(badExpires.reason()).contains("Expires");

        RawSip.Reply badCSeq = peer.udp(request("OPTIONS", "sip:127.0.0.1:" + port, "").replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS"));
        assertThat(badCSeq).as("the stack answers an unparseable CSeq itself").isNotNull();
        assertThat(badCSeq.status()).isEqualTo(Response.BAD_REQUEST);

        RawSip.Reply mismatch = peer.udp(request("OPTIONS", "sip:127.0.0.1:" + port, "").replace("CSeq: 1 OPTIONS", "CSeq: 1 REGISTER"));
        assertThat(mismatch.status()).as("CSeq method differs from the request's").isEqualTo(Response.BAD_REQUEST);
    }

    @Test
    @DisplayName("R1.4 a Require we do not support is 420 with Unsupported; a tel: Request-URI 416")
    void extensionsAndSchemes() throws Exception {
        RawSip.Reply require = peer.udp(request("REGISTER", "sip:127.0.0.1:" + port, "Require: gruu\nContact: <sip:1001@127.0.0.1:5999>\n"));
        assertThat(require.status()).isEqualTo(Response.BAD_EXTENSION);
        assertThat(require.header("Unsupported")).isEqualTo("gruu");

        RawSip.Reply tel = peer.udp(request("OPTIONS", "tel:+82212345678", ""));
        assertThat(tel.status()).isEqualTo(Response.UNSUPPORTED_URI_SCHEME);
    }

    @Test
    @DisplayName("R1.4 stop closes the sockets and ends every stack thread; the same port starts again")
    void stopsCleanly() throws Exception {
        assertThat(peer.udp(request("OPTIONS", "sip:127.0.0.1:" + port, "")).status()).isEqualTo(200);
        assertThat(peer.tcp(request("OPTIONS", "sip:127.0.0.1:" + port, "").replace("SIP/2.0/UDP", "SIP/2.0/TCP")).status()).isEqualTo(200);
        assertThat(stackThreads()).isNotEmpty();

        server.close();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(stackThreads()).isEmpty();
            assertThat(newThreads()).as("threads started since the stack started").isEmpty();
        });
        assertThat(canBind(port)).isTrue();
        server = SipServer.start(settings(port), List.of(new OptionsHandler()));
        assertThat(peer.udp(request("OPTIONS", "sip:127.0.0.1:" + port, "")).status()).isEqualTo(200);
    }

    /** live threads that did not exist before the stack started (Awaitility's own poller excepted) */
    private Set<String> newThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threadsBefore.contains(t) && !JDK_OR_TEST_THREAD.matcher(t.getName()).matches())
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .collect(Collectors.toSet());
    }

    /** live threads running JAIN-SIP code (the stack's own pools, timers and selectors) */
    static Set<String> stackThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive())
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("gov.nist."))
                        || e.getKey().getName().equals("EventScannerThread"))
                .map(e -> e.getKey().getName())
                .collect(Collectors.toSet());
    }

    private static boolean canBind(int port) throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramSocket u = new DatagramSocket(new InetSocketAddress(lo, port));
             ServerSocket t = new ServerSocket()) {
            t.bind(new InetSocketAddress(lo, port));
            return true;
        }
    }
}
