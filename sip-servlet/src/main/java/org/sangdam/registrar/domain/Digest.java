package org.sangdam.registrar.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * HTTP digest as SIP uses it (RFC 2617 §3.2.2, RFC 3261 §22.4), from the stored
 * HA1 = MD5(user:realm:password), so the registrar never holds a clear password.
 */
public final class Digest {
    private Digest() {
    }

    public static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every JDK", e);
        }
    }

    /** request-digest for {@code method} over the credentials' own strings */
    public static String expectedResponse(String ha1, String method, DigestCredentials c) {
        String ha2 = md5Hex(method + ":" + c.uri());
        if (c.qop() == null) {
            return md5Hex(ha1 + ":" + c.nonce() + ":" + ha2);
        }
        return md5Hex(ha1 + ":" + c.nonce() + ":" + c.nc() + ":" + c.cnonce() + ":" + c.qop() + ":" + ha2);
    }

    /** whether the phone knows the password behind {@code ha1}; compared in constant time */
    public static boolean verifies(String ha1, String method, DigestCredentials c) {
        if (c.response() == null) {
            return false;
        }
        return c.responseEquals(expectedResponse(ha1.toLowerCase(java.util.Locale.ROOT), method, c));
    }

    /**
     * Our answer to a server's challenge (a carrier's 401/407 to our INVITE, RFC 3261
     * §22.2): the credentials to send in {@code Authorization} or
     * {@code Proxy-Authorization}. With {@code qop=auth} offered we use it (count
     * {@code nc}, client nonce {@code cnonce}); without, the RFC 2069 form.
     *
     * @throws IllegalArgumentException when the challenge asks for something but MD5 and qop=auth
     */
    public static DigestCredentials answer(DigestChallenge challenge, String username, String password, String method,
                                           String uri, String cnonce, long nc) {
        if (!challenge.answerable()) {
            throw new IllegalArgumentException("only MD5 digest with qop=auth (or no qop) is supported, not "
                    + challenge.algorithm() + "/" + challenge.qop());
        }
        String ha1 = md5Hex(username + ":" + challenge.realm() + ":" + password);
        boolean qop = challenge.offersAuth();
        DigestCredentials unsigned = new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri, null,
                challenge.algorithm(), qop ? "auth" : null, qop ? String.format("%08x", nc) : null, qop ? cnonce : null);
        return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri, expectedResponse(ha1, method, unsigned),
                unsigned.algorithm(), unsigned.qop(), unsigned.nc(), unsigned.cnonce());
    }
}
