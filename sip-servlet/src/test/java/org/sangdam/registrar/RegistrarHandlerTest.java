package org.sangdam.registrar;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.registrar.domain.Binding;
import org.sangdam.registrar.domain.Digest;
import org.sangdam.registrar.domain.PhoneAccount;
import org.sangdam.sip.OptionsHandler;
import org.sangdam.sip.RawSip;
import org.sangdam.sip.SipServer;
import org.sangdam.sip.domain.SipSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REGISTER handler on a real JAIN-SIP stack on loopback, with the phone
 * accounts in memory instead of the database: what the SIP translation does with
 * real messages. The same flows run against the deployed EAR with baresip and
 * SIPp in the ear module's {@code org.sangdam.it.sip} tests.
 */
@DisplayName("R1.4 registrar over SIP: digest challenge, registration, query, unregister, refusals")
class RegistrarHandlerTest {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final Map<String, PhoneAccount> db = Map.of(
            "1001", new PhoneAccount("1001", 1, 7, "sangdam", Digest.md5Hex("1001:sangdam:sip-demo-1234"), true, true),
            "1004", new PhoneAccount("1004", 4, 7, "sangdam", Digest.md5Hex("1004:sangdam:pw-4"), true, false));
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final AtomicInteger cseq = new AtomicInteger();
    private final String callId = RawSip.callId();
    private RegistrationsBean registrations;
    private SipServer server;
    private RawSip phone;
    private int port;

    @BeforeEach
    void start() throws Exception {
        registrations = new RegistrationsBean();
        registrations.init();
        RegistrarHandler handler = new RegistrarHandler();
        handler.registrations = registrations;
        handler.accounts = new PhoneAccounts() {
            @Override
            public Optional<PhoneAccount> byCtiNumber(String ctiNumber) {
                if (databaseDown.get()) {
                    throw new IllegalStateException("connection refused");
                }
                return Optional.ofNullable(db.get(ctiNumber));
            }
        };
        port = RawSip.freePort();
        server = SipServer.start(SipSettings.from(Map.of("sangdam.sip.port", Integer.toString(port))::get, n -> null),
                List.of(handler, new OptionsHandler()));
        phone = new RawSip("127.0.0.1", port);
    }

    @AfterEach
    void stop() {
        phone.close();
        server.close();
    }

    private String register(String user, String contactAndExpires, String authorization) {
        return RawSip.message("REGISTER sip:127.0.0.1:" + port + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.localPort() + ";branch=" + RawSip.branch() + ";rport\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=ph1\n"
                + "To: <sip:" + user + "@127.0.0.1>\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq.incrementAndGet() + " REGISTER\n"
                + "User-Agent: raw-test-phone\n"
                + contactAndExpires
                + (authorization == null ? "" : "Authorization: " + authorization + "\n"));
    }

    private String authorization(RawSip.Reply challenge, String user, String password, String nc) {
        Matcher m = NONCE.matcher(challenge.header("WWW-Authenticate"));
        assertThat(m.find()).as(challenge.toString()).isTrue();
        String nonce = m.group(1);
        String uri = "sip:127.0.0.1:" + port;
        String ha1 = Digest.md5Hex(user + ":sangdam:" + password);
        String response = Digest.md5Hex(ha1 + ":" + nonce + ":" + nc + ":0a4f113b:auth:" + Digest.md5Hex("REGISTER:" + uri));
        return "Digest username=\"" + user + "\", realm=\"sangdam\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"0a4f113b\"";
    }

    /** REGISTER, expect the 401, answer it: the final response to the answer */
    private RawSip.Reply registerWithAuth(String user, String password, String contactAndExpires) throws Exception {
        RawSip.Reply challenge = phone.udp(register(user, contactAndExpires, null));
        assertThat(challenge.status()).as(challenge.toString()).isEqualTo(401);
        return phone.udp(register(user, contactAndExpires, authorization(challenge, user, password, "00000001")));
    }

    @Test
    @DisplayName("R1.4 a REGISTER is challenged: 401 with Digest realm=\"sangdam\", a nonce, qop=\"auth\", MD5")
    void challenge() throws Exception {
        RawSip.Reply reply = phone.udp(register("1001", "Contact: <sip:1001@127.0.0.1:5999>\n", null));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Digest ").contains("realm=\"sangdam\"")
                .contains("qop=\"auth\"").contains("algorithm=MD5").containsPattern("nonce=\"[^\"]+\"");
        assertThat(registrations.contactsOf("1001")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 the phone answers with its CTI number and SIP password: 200 lists its contact with expires, and the query API finds it")
    void registers() throws Exception {
        RawSip.Reply ok = registerWithAuth("1001", "sip-demo-1234", "Contact: <sip:1001@127.0.0.1:5999>;expires=120\n");

        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.header("Contact")).contains("sip:1001@127.0.0.1:5999").containsPattern("expires=1[12]\\d");
        assertThat(ok.header("Date")).isNotBlank();
        List<Binding> contacts = registrations.contactsOf("1001");
        assertThat(contacts).singleElement().satisfies(b -> {
            assertThat(b.contactUri()).isEqualTo("sip:1001@127.0.0.1:5999");
            assertThat(b.source().transport()).isEqualTo("udp");
            assertThat(b.source().port()).isEqualTo(phone.localPort());
            assertThat(b.userAgent()).isEqualTo("raw-test-phone");
        });
        assertThat(registrations.isRegistered("1001")).isTrue();
    }

    @Test
    @DisplayName("R1.4 a REGISTER without Contact lists the bindings; Expires: 0 unregisters")
    void queryAndUnregister() throws Exception {
        registerWithAuth("1001", "sip-demo-1234", "Contact: <sip:1001@127.0.0.1:5999>\nExpires: 600\n");

        RawSip.Reply query = registerWithAuth("1001", "sip-demo-1234", "");
        assertThat(query.status()).isEqualTo(200);
        assertThat(query.header("Contact")).contains("sip:1001@127.0.0.1:5999");

        RawSip.Reply unregister = registerWithAuth("1001", "sip-demo-1234", "Contact: <sip:1001@127.0.0.1:5999>\nExpires: 0\n");
        assertThat(unregister.status()).isEqualTo(200);
        assertThat(unregister.header("Contact")).isNull();
        assertThat(registrations.contactsOf("1001")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 Contact: * with Expires: 0 removes every contact; with another expiry it is 400")
    void wildcard() throws Exception {
        registerWithAuth("1001", "sip-demo-1234", "Contact: <sip:1001@127.0.0.1:5998>\n");
        registerWithAuth("1001", "sip-demo-1234", "Contact: <sip:1001@127.0.0.1:5999>\n");
        assertThat(registrations.contactsOf("1001")).hasSize(2);

        assertThat(registerWithAuth("1001", "sip-demo-1234", "Contact: *\nExpires: 60\n").status()).isEqualTo(400);
        assertThat(registrations.contactsOf("1001")).hasSize(2);
        RawSip.Reply all = registerWithAuth("1001", "sip-demo-1234", "Contact: *\nExpires: 0\n");

        assertThat(all.status()).isEqualTo(200);
        assertThat(registrations.contactsOf("1001")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 wrong password, unknown extension: 403 after the challenge, nothing registered")
    void refused() throws Exception {
        RawSip.Reply wrong = registerWithAuth("1001", "wrong", "Contact: <sip:1001@127.0.0.1:5999>\n");
        RawSip.Reply unknown = registerWithAuth("9999", "sip-demo-1234", "Contact: <sip:9999@127.0.0.1:5999>\n");

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.reason()).as("unknown and wrong look the same").isEqualTo(wrong.reason());
        assertThat(registrations.contactsOf("1001")).isEmpty();
        assertThat(registrations.contactsOf("9999")).isEmpty();
    }

    @Test
    @DisplayName("R1.2 an agent without phone permission is refused with 403 even with the right password")
    void noPhonePermission() throws Exception {
        RawSip.Reply reply = registerWithAuth("1004", "pw-4", "Contact: <sip:1004@127.0.0.1:5999>\n");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.reason()).isEqualTo("No phone permission");
        assertThat(registrations.contactsOf("1004")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 an interval below 60 s is 423 with Min-Expires: 60; a malformed expires parameter is 400")
    void intervals() throws Exception {
        RawSip.Reply tooBrief = registerWithAuth("1001", "sip-demo-1234", "Contact: <sip:1001@127.0.0.1:5999>\nExpires: 30\n");
        assertThat(tooBrief.status()).isEqualTo(423);
        assertThat(tooBrief.header("Min-Expires")).isEqualTo("60");

        RawSip.Reply malformed = phone.udp(register("1001", "Contact: <sip:1001@127.0.0.1:5999>;expires=never\n", null));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.reason()).contains("expires");
        assertThat(registrations.contactsOf("1001")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 when the database cannot be read the phone is told to retry later (503 Retry-After), nothing changes")
    void databaseDown() throws Exception {
        RawSip.Reply challenge = phone.udp(register("1001", "Contact: <sip:1001@127.0.0.1:5999>\n", null));
        databaseDown.set(true);

        RawSip.Reply reply = phone.udp(register("1001", "Contact: <sip:1001@127.0.0.1:5999>\n",
                authorization(challenge, "1001", "sip-demo-1234", "00000001")));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isNotBlank();
        assertThat(registrations.contactsOf("1001")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 registration over TCP records the TCP source")
    void overTcp() throws Exception {
        String first = register("1001", "Contact: <sip:1001@127.0.0.1:5998;transport=tcp>\n", null).replace("SIP/2.0/UDP", "SIP/2.0/TCP");
        RawSip.Reply challenge = phone.tcp(first);
        assertThat(challenge.status()).isEqualTo(401);
        String second = register("1001", "Contact: <sip:1001@127.0.0.1:5998;transport=tcp>\n",
                authorization(challenge, "1001", "sip-demo-1234", "00000001")).replace("SIP/2.0/UDP", "SIP/2.0/TCP");

        RawSip.Reply ok = phone.tcp(second);

        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(registrations.contactsOf("1001")).singleElement()
                .satisfies(b -> assertThat(b.source().transport()).isEqualTo("tcp"));
    }
}
