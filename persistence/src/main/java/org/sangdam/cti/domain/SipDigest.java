package org.sangdam.cti.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SIP digest credentials (RFC 3261 / 2617): we keep only HA1 = MD5(user:realm:password),
 * which the registrar can check a REGISTER against without the clear password.
 */
public final class SipDigest {
    /** The digest realm agent phones authenticate in. */
    public static final String REALM = "sangdam";

    private SipDigest() {
    }

    public static String ha1(String user, String realm, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] hash = md5.digest((user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every JDK", e);
        }
    }
}
