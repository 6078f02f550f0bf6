package org.sangdam.trunk.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.registrar.domain.Digest;
import org.sangdam.registrar.domain.DigestChallenge;
import org.sangdam.registrar.domain.DigestCredentials;
import org.sangdam.registrar.domain.NonceIssuer;
import org.sangdam.registrar.domain.RegisterAttempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Issue 5 trunks: an INVITE from an unlisted source is admitted with the trunk's digest credentials, and only for a configured number")
class TrunkAuthenticationTest {
    private static final String REALM = "sangdam";
    private static final String URI = "sip:025550100@192.0.2.1";
    private static final TrunkRoute BY_ADDRESS = TrunkRoute.of(1, "by-address", "10.0.0.1", 5060, "udp", "192.0.2.10");
    private static final TrunkRoute WITH_PASSWORD = TrunkRoute.of(2, "with-password", "10.0.0.2", 5060, "udp", "",
            TrunkCredentials.of("carrier-b", "b-secret"));
    private static final Map<String, InboundGate.Did> DIDS = Map.of(
            "025550100", new InboundGate.Did("025550100", null),
            "025550200", new InboundGate.Did("025550200", 1L));
    private static final Function<String, Optional<InboundGate.Did>> LOOKUP = s -> Optional.ofNullable(DIDS.get(s));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T06:00:00Z"));
    private final TrunkAuthenticator authenticator = new TrunkAuthenticator(REALM,
            new NonceIssuer(new byte[32], Duration.ofMinutes(5)), clock);

    private InboundGate.Verdict invite(String dialled, List<RegisterAttempt.Authorization> auth) {
        return InboundGate.check(List.of(BY_ADDRESS, WITH_PASSWORD), "203.0.113.50", dialled, auth, authenticator, LOOKUP);
    }

    private static RegisterAttempt.Authorization answer(InboundGate.Verdict challenge, String user, String password, long nc) {
        InboundGate.Challenge c = (InboundGate.Challenge) challenge;
        DigestCredentials creds = Digest.answer(new DigestChallenge(c.realm(), c.nonce(), "auth", "MD5", null), user, password,
                "INVITE", URI, "c0ffee", nc);
        return new RegisterAttempt.Authorization(creds, true);
    }

    @Test
    @DisplayName("no credentials: 407 challenge for our realm, and nothing is looked up")
    void challenged() {
        InboundGate.Verdict v = InboundGate.check(List.of(BY_ADDRESS, WITH_PASSWORD), "203.0.113.50", "025550100", List.of(), authenticator,
                s -> { throw new AssertionError("the number must not be looked up before the trunk is known"); });
        assertThat(v).isInstanceOf(InboundGate.Challenge.class);
        assertThat(((InboundGate.Challenge) v).realm()).isEqualTo(REALM);
        assertThat(((InboundGate.Challenge) v).stale()).isFalse();
    }

    @Test
    @DisplayName("the trunk's username and password admit the call through that trunk")
    void admitted() {
        InboundGate.Verdict v = invite("025550100", List.of(answer(invite("025550100", List.of()), "carrier-b", "b-secret", 1)));
        assertThat(v).isEqualTo(new InboundGate.Admit(WITH_PASSWORD, DIDS.get("025550100")));
    }

    @Test
    @DisplayName("a wrong password or an unknown username: 403, the same for both")
    void wrongCredentials() {
        assertThat(invite("025550100", List.of(answer(invite("025550100", List.of()), "carrier-b", "guess", 1))))
                .isEqualTo(new InboundGate.Refuse(403, "Forbidden"));
        assertThat(invite("025550100", List.of(answer(invite("025550100", List.of()), "nobody", "b-secret", 1))))
                .isEqualTo(new InboundGate.Refuse(403, "Forbidden"));
    }

    @Test
    @DisplayName("authenticated but for an unknown number, or for another trunk's number: 404")
    void stillOnlyConfiguredNumbers() {
        assertThat(invite("029999999", List.of(answer(invite("029999999", List.of()), "carrier-b", "b-secret", 1))))
                .isEqualTo(new InboundGate.Refuse(404, "Not Found"));
        assertThat(invite("025550200", List.of(answer(invite("025550200", List.of()), "carrier-b", "b-secret", 1))))
                .isEqualTo(new InboundGate.Refuse(404, "Not Found"));
    }

    @Test
    @DisplayName("a replayed nonce count or a stale nonce: a fresh challenge with stale=true")
    void replayAndStale() {
        InboundGate.Verdict first = invite("025550100", List.of());
        RegisterAttempt.Authorization once = answer(first, "carrier-b", "b-secret", 1);
        assertThat(invite("025550100", List.of(once))).isInstanceOf(InboundGate.Admit.class);
        InboundGate.Verdict replay = invite("025550100", List.of(once));
        assertThat(replay).isInstanceOf(InboundGate.Challenge.class);
        assertThat(((InboundGate.Challenge) replay).stale()).isTrue();

        RegisterAttempt.Authorization later = answer(invite("025550100", List.of()), "carrier-b", "b-secret", 1);
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        InboundGate.Verdict stale = invite("025550100", List.of(later));
        assertThat(stale).isInstanceOf(InboundGate.Challenge.class);
        assertThat(((InboundGate.Challenge) stale).stale()).isTrue();
    }

    @Test
    @DisplayName("a nonce we never issued is challenged again; a digest-uri that is not the Request-URI is a 400")
    void forgedNonceAndWrongUri() {
        DigestCredentials forged = Digest.answer(new DigestChallenge(REALM, "bm90LW91cnM", "auth", null, null), "carrier-b", "b-secret",
                "INVITE", URI, "c", 1);
        assertThat(invite("025550100", List.of(new RegisterAttempt.Authorization(forged, true)))).isInstanceOf(InboundGate.Challenge.class);
        RegisterAttempt.Authorization good = answer(invite("025550100", List.of()), "carrier-b", "b-secret", 1);
        assertThat(invite("025550100", List.of(new RegisterAttempt.Authorization(good.credentials(), false))))
                .isEqualTo(new InboundGate.Refuse(400, "Bad Request (Digest uri does not match the Request-URI)"));
    }

    @Test
    @DisplayName("no trunk has credentials: an unlisted source gets 403 as before, never a challenge")
    void noCredentialsConfigured() {
        assertThat(InboundGate.check(List.of(BY_ADDRESS), "203.0.113.50", "025550100", List.of(), authenticator, LOOKUP))
                .isEqualTo(new InboundGate.Refuse(403, "Forbidden (not a trunk)"));
    }

    @Test
    @DisplayName("a listed source needs no credentials, even when trunks have some")
    void listedSourceNotChallenged() {
        assertThat(InboundGate.check(List.of(BY_ADDRESS, WITH_PASSWORD), "192.0.2.10", "025550200", List.of(), authenticator, LOOKUP))
                .isEqualTo(new InboundGate.Admit(BY_ADDRESS, DIDS.get("025550200")));
    }

    @Test
    @DisplayName("the password never shows in a trunk's text (log lines print trunks)")
    void passwordNotPrinted() {
        assertThat(WITH_PASSWORD.toString()).contains("carrier-b").doesNotContain("b-secret");
        assertThat(TrunkCredentials.of("u", "")).isNull();
        assertThat(TrunkCredentials.of(null, "p")).isNull();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
