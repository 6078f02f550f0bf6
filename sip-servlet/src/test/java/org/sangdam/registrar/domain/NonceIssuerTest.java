package org.sangdam.registrar.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sangdam.registrar.domain.NonceIssuer.Freshness.FORGED;
import static org.sangdam.registrar.domain.NonceIssuer.Freshness.FRESH;
import static org.sangdam.registrar.domain.NonceIssuer.Freshness.STALE;

@DisplayName("R1.4 registrar: nonces with an expiry")
class NonceIssuerTest {
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private final NonceIssuer issuer = new NonceIssuer(new byte[32], Duration.ofSeconds(300));

    @Test
    @DisplayName("R1.4 a nonce is fresh for its lifetime, then stale")
    void lifetime() {
        String nonce = issuer.issue(T0);
        assertThat(issuer.check(nonce, T0).freshness()).isEqualTo(FRESH);
        assertThat(issuer.check(nonce, T0.plusSeconds(299)).freshness()).isEqualTo(FRESH);
        assertThat(issuer.check(nonce, T0.plusSeconds(300)).freshness()).isEqualTo(STALE);
        assertThat(issuer.check(nonce, T0.plusSeconds(299)).freshUntil()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    @DisplayName("R1.4 every challenge gets a new nonce")
    void unique() {
        assertThat(issuer.issue(T0)).isNotEqualTo(issuer.issue(T0));
    }

    @Test
    @DisplayName("R1.4 a nonce altered, made up, from another key or from the future is forged")
    void forged() {
        String nonce = issuer.issue(T0);
        byte[] raw = Base64.getUrlDecoder().decode(nonce);
        raw[3] ^= 1; // move the issue time
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        NonceIssuer other = new NonceIssuer(otherKey, Duration.ofSeconds(300));

        assertThat(issuer.check(altered, T0).freshness()).isEqualTo(FORGED);
        assertThat(issuer.check(other.issue(T0), T0).freshness()).isEqualTo(FORGED);
        assertThat(issuer.check("dcd98b7102dd2f0e8b11d0f600bfb0c093", T0).freshness()).isEqualTo(FORGED);
        assertThat(issuer.check("not base64 !", T0).freshness()).isEqualTo(FORGED);
        assertThat(issuer.check(null, T0).freshness()).isEqualTo(FORGED);
        assertThat(issuer.check(issuer.issue(T0.plusSeconds(60)), T0).freshness()).isEqualTo(FORGED);
    }

    @Test
    @DisplayName("R1.4 a short key or a zero lifetime is refused")
    void config() {
        assertThatThrownBy(() -> new NonceIssuer(new byte[8], Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NonceIssuer(new byte[32], Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R1.4 a nonce count is accepted once and only upwards (replays refused)")
    void nonceCounts() {
        NonceCounts counts = new NonceCounts();
        Instant until = T0.plusSeconds(300);
        assertThat(counts.advance("n", 1, until)).isTrue();
        assertThat(counts.advance("n", 1, until)).as("replay").isFalse();
        assertThat(counts.advance("n", 3, until)).isTrue();
        assertThat(counts.advance("n", 2, until)).as("older count").isFalse();
        assertThat(counts.advance("m", 1, until)).as("another nonce").isTrue();
        counts.purge(until);
        assertThat(counts.size()).isZero();
    }
}
