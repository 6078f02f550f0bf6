package org.sangdam.registrar.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R1.4 registrar: who may register which CTI number")
class RegistrarTest {
    private static final String REALM = "sangdam";
    private static final String URI = "sip:127.0.0.1:5060";
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final Registrar registrar = new Registrar(REALM, new NonceIssuer(new byte[32], Duration.ofSeconds(300)),
            new RegistrationBook(new ExpiryPolicy(60, 3600, 3600), 10), clock);
    private final Map<String, PhoneAccount> db = Map.of(
            "1001", account("1001", "secret-1", true, true),
            "1002", account("1002", "secret-2", true, true),
            "1003", account("1003", "secret-3", false, true),
            "1004", account("1004", "secret-4", true, false));
    private final List<String> lookups = new ArrayList<>();
    private final Function<String, Optional<PhoneAccount>> accounts = n -> {
        lookups.add(n);
        return Optional.ofNullable(db.get(n));
    };

    private static PhoneAccount account(String number, String password, boolean active, boolean phone) {
        return new PhoneAccount(number, 1, 7, REALM, Digest.md5Hex(number + ":" + REALM + ":" + password), active, phone);
    }

    private static RegisterRequest bind(String contact, Integer expires) {
        return new RegisterRequest("call-" + contact, 1, false, List.of(new ContactUpdate(contact, null, null)), expires,
                new Source("udp", "127.0.0.1", 5080), "test");
    }

    private static DigestCredentials answer(String nonce, String user, String password, String nc) {
        DigestCredentials unsigned = new DigestCredentials(user, REALM, nonce, URI, "0".repeat(32), "MD5", "auth", nc, "c0ffee");
        String response = Digest.expectedResponse(Digest.md5Hex(user + ":" + REALM + ":" + password), "REGISTER", unsigned);
        return new DigestCredentials(user, REALM, nonce, URI, response, "MD5", "auth", nc, "c0ffee");
    }

    private static RegisterAttempt attempt(String number, DigestCredentials credentials, RegisterRequest request) {
        return new RegisterAttempt(number, credentials == null ? List.of() : List.of(new RegisterAttempt.Authorization(credentials, true)), request);
    }

    private String challenge(String number) {
        RegisterOutcome outcome = registrar.register(attempt(number, null, bind("sip:x@127.0.0.1:5080", null)), accounts);
        assertThat(outcome).isInstanceOf(RegisterOutcome.Challenge.class);
        return ((RegisterOutcome.Challenge) outcome).nonce();
    }

    @Test
    @DisplayName("R1.4 a REGISTER without credentials is challenged (401, realm sangdam) without touching the database")
    void challenges() {
        RegisterOutcome outcome = registrar.register(attempt("1001", null, bind("sip:1001@127.0.0.1:5080", null)), accounts);

        assertThat(outcome).isInstanceOfSatisfying(RegisterOutcome.Challenge.class, c -> {
            assertThat(c.realm()).isEqualTo(REALM);
            assertThat(c.stale()).isFalse();
            assertThat(c.nonce()).isNotBlank();
        });
        assertThat(lookups).isEmpty();
        assertThat(registrar.contactsOf("1001")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 the agent's phone answers the challenge with its CTI number and SIP password and is registered")
    void registers() {
        String nonce = challenge("1001");

        RegisterOutcome outcome = registrar.register(attempt("1001", answer(nonce, "1001", "secret-1", "00000001"),
                bind("sip:1001@127.0.0.1:5080", 120)), accounts);

        assertThat(outcome).isInstanceOfSatisfying(RegisterOutcome.Registered.class,
                r -> assertThat(r.bindings()).extracting(Binding::contactUri).containsExactly("sip:1001@127.0.0.1:5080"));
        assertThat(registrar.contactsOf("1001")).hasSize(1);
        assertThat(lookups).containsExactly("1001");
    }

    @Test
    @DisplayName("R1.4 a phone refreshing with the same nonce and a higher nonce count needs no new challenge")
    void nonceReuse() {
        String nonce = challenge("1001");
        registrar.register(attempt("1001", answer(nonce, "1001", "secret-1", "00000001"), bind("sip:1001@127.0.0.1:5080", 120)), accounts);
        clock.advance(Duration.ofSeconds(60));

        RegisterRequest refresh = new RegisterRequest("call-sip:1001@127.0.0.1:5080", 2, false,
                List.of(new ContactUpdate("sip:1001@127.0.0.1:5080", null, null)), 120, new Source("udp", "127.0.0.1", 5080), "test");
        assertThat(registrar.register(attempt("1001", answer(nonce, "1001", "secret-1", "00000002"), refresh), accounts))
                .isInstanceOf(RegisterOutcome.Registered.class);
        assertThat(registrar.contactsOf("1001").getFirst().expiresAt()).isEqualTo(T0.plusSeconds(180));
    }

    @Test
    @DisplayName("R1.4 a wrong password, an unknown extension and another agent's extension all get the same 403, and nothing is bound")
    void forbidden() {
        String nonce = challenge("1001");

        RegisterOutcome wrongPassword = registrar.register(attempt("1001", answer(nonce, "1001", "wrong", "00000001"),
                bind("sip:1001@127.0.0.1:5080", null)), accounts);
        RegisterOutcome unknown = registrar.register(attempt("9999", answer(nonce, "9999", "secret-1", "00000001"),
                bind("sip:9999@127.0.0.1:5080", null)), accounts);
        RegisterOutcome othersNumber = registrar.register(attempt("1002", answer(nonce, "1001", "secret-1", "00000001"),
                bind("sip:1002@127.0.0.1:5080", null)), accounts);

        assertThat(List.of(wrongPassword, unknown, othersNumber)).containsOnly(new RegisterOutcome.Forbidden(Registrar.BAD_CREDENTIALS));
        assertThat(registrar.contactsOf("1001")).isEmpty();
        assertThat(registrar.contactsOf("9999")).isEmpty();
        assertThat(registrar.contactsOf("1002")).isEmpty();
        assertThat(lookups).as("1001's credentials are never tried against 1002").containsExactly("1001", "9999");
    }

    @Test
    @DisplayName("R1.2 an inactive agent or one without phone permission is refused even with the right password")
    void notPermitted() {
        assertThat(registrar.register(attempt("1003", answer(challenge("1003"), "1003", "secret-3", "00000001"), bind("sip:1003@h", null)), accounts))
                .isEqualTo(new RegisterOutcome.Forbidden("Account inactive"));
        assertThat(registrar.register(attempt("1004", answer(challenge("1004"), "1004", "secret-4", "00000001"), bind("sip:1004@h", null)), accounts))
                .isEqualTo(new RegisterOutcome.Forbidden("No phone permission"));
        assertThat(registrar.contactsOf("1003")).isEmpty();
        assertThat(registrar.contactsOf("1004")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 a stale nonce with the right password is challenged again with stale=true; with a wrong one it is 403")
    void staleNonce() {
        String nonce = challenge("1001");
        clock.advance(Duration.ofSeconds(301));

        RegisterOutcome right = registrar.register(attempt("1001", answer(nonce, "1001", "secret-1", "00000001"),
                bind("sip:1001@127.0.0.1:5080", null)), accounts);
        RegisterOutcome wrong = registrar.register(attempt("1001", answer(nonce, "1001", "nope", "00000001"),
                bind("sip:1001@127.0.0.1:5080", null)), accounts);

        assertThat(right).isInstanceOfSatisfying(RegisterOutcome.Challenge.class, c -> {
            assertThat(c.stale()).isTrue();
            assertThat(c.nonce()).isNotEqualTo(nonce);
        });
        assertThat(wrong).isInstanceOf(RegisterOutcome.Forbidden.class);
        assertThat(registrar.contactsOf("1001")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 a captured REGISTER replayed (same nonce count) changes nothing and is challenged")
    void replay() {
        String nonce = challenge("1001");
        DigestCredentials credentials = answer(nonce, "1001", "secret-1", "00000001");
        registrar.register(attempt("1001", credentials, bind("sip:1001@127.0.0.1:5080", 600)), accounts);

        RegisterRequest unregister = new RegisterRequest("attacker", 9, false,
                List.of(new ContactUpdate("sip:1001@127.0.0.1:5080", null, 0)), null, new Source("udp", "10.0.0.9", 5060), null);
        RegisterOutcome replayed = registrar.register(attempt("1001", credentials, unregister), accounts);

        assertThat(replayed).isInstanceOfSatisfying(RegisterOutcome.Challenge.class, c -> assertThat(c.stale()).isTrue());
        assertThat(registrar.contactsOf("1001")).hasSize(1);
    }

    @Test
    @DisplayName("R1.4 a forged nonce gets a fresh challenge, without a database lookup")
    void forgedNonce() {
        RegisterOutcome outcome = registrar.register(attempt("1001", answer("dcd98b7102dd2f0e8b11d0f600bfb0c093", "1001", "secret-1", "00000001"),
                bind("sip:1001@127.0.0.1:5080", null)), accounts);

        assertThat(outcome).isInstanceOfSatisfying(RegisterOutcome.Challenge.class, c -> assertThat(c.stale()).isFalse());
        assertThat(lookups).isEmpty();
    }

    @Test
    @DisplayName("R1.4 credentials for another realm are ignored: the phone is challenged for ours")
    void otherRealm() {
        String nonce = challenge("1001");
        DigestCredentials ours = answer(nonce, "1001", "secret-1", "00000001");
        DigestCredentials foreign = new DigestCredentials("1001", "elsewhere", ours.nonce(), ours.uri(), ours.response(),
                "MD5", "auth", "00000001", "c0ffee");

        assertThat(registrar.register(attempt("1001", foreign, bind("sip:1001@h", null)), accounts))
                .isInstanceOf(RegisterOutcome.Challenge.class);
    }

    @Test
    @DisplayName("R1.4 a To URI without an extension is 404; a digest without qop=auth or for another URI is 400")
    void malformed() {
        String nonce = challenge("1001");
        DigestCredentials good = answer(nonce, "1001", "secret-1", "00000001");
        DigestCredentials noQop = new DigestCredentials("1001", REALM, nonce, URI, good.response(), null, null, null, null);

        assertThat(registrar.register(attempt(null, good, bind("sip:h", null)), accounts)).isInstanceOf(RegisterOutcome.NotFound.class);
        assertThat(registrar.register(attempt("1001", noQop, bind("sip:1001@h", null)), accounts)).isInstanceOf(RegisterOutcome.BadRequest.class);
        assertThat(registrar.register(new RegisterAttempt("1001", List.of(new RegisterAttempt.Authorization(good, false)),
                bind("sip:1001@h", null)), accounts)).isInstanceOf(RegisterOutcome.BadRequest.class);
        assertThat(registrar.contactsOf("1001")).isEmpty();
    }

    @Test
    @DisplayName("R1.4 purge forgets expired registrations")
    void purge() {
        String nonce = challenge("1001");
        registrar.register(attempt("1001", answer(nonce, "1001", "secret-1", "00000001"), bind("sip:1001@127.0.0.1:5080", 60)), accounts);
        clock.advance(Duration.ofSeconds(61));
        registrar.purge();
        assertThat(registrar.contactsOf("1001")).isEmpty();
    }

    /** a clock the test moves */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
