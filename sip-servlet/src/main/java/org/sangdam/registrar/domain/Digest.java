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
}
