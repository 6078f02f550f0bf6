package org.sangdam.registrar.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Digest nonces that carry their own issue time and a MAC over it, so issuing a
 * challenge stores nothing: a flood of unauthenticated REGISTERs costs no memory,
 * and a nonce we did not issue (or that was altered) is recognised as forged.
 * A nonce older than {@code lifetime} is stale: the phone is challenged again with
 * {@code stale=true} and re-sends without asking its user for the password.
 * <p>
 * Layout (base64url, 32 bytes): issue time in epoch milliseconds (8) · random (8) ·
 * HMAC-SHA256 of the first 16 bytes, truncated to 16. The key is random per start,
 * so a restart or redeploy turns every outstanding nonce into a forged one and
 * phones simply get a fresh challenge.
 */
public final class NonceIssuer {
    /** allowed clock step backwards before a nonce "from the future" counts as forged */
    private static final Duration SKEW = Duration.ofSeconds(5);
    private static final int STAMP = 16;
    private static final int MAC = 16;

    public enum Freshness { FRESH, STALE, FORGED }

    /** the verdict on a nonce and, if it is ours, until when it is fresh */
    public record Check(Freshness freshness, Instant freshUntil) {
    }

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public NonceIssuer(byte[] key, Duration lifetime) {
        if (key.length < 16) {
            throw new IllegalArgumentException("nonce key must have at least 128 bits");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("nonce lifetime must be positive");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.lifetime = lifetime;
    }

    public static NonceIssuer withRandomKey(Duration lifetime) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new NonceIssuer(key, lifetime);
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(Instant now) {
        byte[] stamp = ByteBuffer.allocate(STAMP).putLong(now.toEpochMilli()).putLong(random.nextLong()).array();
        byte[] nonce = ByteBuffer.allocate(STAMP + MAC).put(stamp).put(mac(stamp)).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    public Check check(String nonce, Instant now) {
        Objects.requireNonNull(now, "now");
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce == null ? "" : nonce);
        } catch (IllegalArgumentException notBase64) {
            return new Check(Freshness.FORGED, null);
        }
        if (raw.length != STAMP + MAC) {
            return new Check(Freshness.FORGED, null);
        }
        byte[] stamp = Arrays.copyOfRange(raw, 0, STAMP);
        if (!MessageDigest.isEqual(mac(stamp), Arrays.copyOfRange(raw, STAMP, STAMP + MAC))) {
            return new Check(Freshness.FORGED, null);
        }
        Instant issued = Instant.ofEpochMilli(ByteBuffer.wrap(stamp).getLong());
        if (issued.isAfter(now.plus(SKEW))) {
            return new Check(Freshness.FORGED, null);
        }
        Instant freshUntil = issued.plus(lifetime);
        return new Check(now.isBefore(freshUntil) ? Freshness.FRESH : Freshness.STALE, freshUntil);
    }

    private byte[] mac(byte[] stamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(stamp), MAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
