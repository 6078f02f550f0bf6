package org.sangdam.registrar.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The parameters of one {@code Authorization: Digest …} header, exactly as the
 * phone sent them (the digest is computed over these strings, so nothing is
 * normalised). {@code algorithm}, {@code qop}, {@code nc} and {@code cnonce} may be null.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String qop, String nc, String cnonce) {
    private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{8}");
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");

    /**
     * Whether these credentials answer our challenge as we issued it: MD5 (or no
     * algorithm, which means MD5), {@code qop=auth} with a nonce count and a client
     * nonce, and every mandatory field present. We offer only {@code qop="auth"},
     * so RFC 2617 §3.2.2 requires the client to use it.
     */
    public boolean answersOurChallenge() {
        return notBlank(username) && notBlank(realm) && notBlank(nonce) && notBlank(uri)
                && response != null && MD5_HEX.matcher(response).matches()
                && (algorithm == null || algorithm.equalsIgnoreCase("MD5"))
                && "auth".equalsIgnoreCase(qop)
                && nc != null && NONCE_COUNT.matcher(nc).matches()
                && notBlank(cnonce);
    }

    /** the nonce count as a number; only meaningful when {@link #answersOurChallenge()} */
    public long nonceCount() {
        return Long.parseLong(Objects.requireNonNull(nc, "nc"), 16);
    }

    /** constant-time and case-insensitive (hex), so the comparison leaks nothing through timing */
    boolean responseEquals(String expectedHex) {
        return MessageDigest.isEqual(expectedHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
