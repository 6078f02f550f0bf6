package org.sangdam.sip.domain;

import java.util.function.Function;

/**
 * Where the media engine listens, read like {@link SipSettings} (system property,
 * else environment variable):
 * <table>
 * <caption>settings</caption>
 * <tr><th>property</th><th>environment</th><th>default</th></tr>
 * <tr><td>sangdam.media.address</td><td>SANGDAM_MEDIA_ADDRESS</td><td>the SIP address (127.0.0.1)</td></tr>
 * <tr><td>sangdam.media.rtp-port-min</td><td>SANGDAM_MEDIA_RTP_PORT_MIN</td><td>30000 + 40 × WildFly's port offset</td></tr>
 * <tr><td>sangdam.media.rtp-port-max</td><td>SANGDAM_MEDIA_RTP_PORT_MAX</td><td>min + 3999 (2,000 legs, 1,000 bridged calls)</td></tr>
 * <tr><td>sangdam.media.rtp-timeout</td><td>SANGDAM_MEDIA_RTP_TIMEOUT</td><td>60 s without RTP from a leg's far end ends the call</td></tr>
 * </table>
 * With the offset, test builds side by side get ranges of their own (offset 0: 30000-33999, offset 100:
 * 34000-37999, offset 300: 42000-45999), clear of the test peers' ports
 * (20000 + 10 × offset).
 */
public record RtpConfig(String address, int portMin, int portMax, int timeoutSeconds) {
    public RtpConfig {
        if (timeoutSeconds < 5) {
            throw new IllegalArgumentException("sangdam.media.rtp-timeout must be at least 5 seconds, got " + timeoutSeconds);
        }
        if (portMin < 1024 || portMax > 65535 || portMin >= portMax) {
            throw new IllegalArgumentException("RTP port range " + portMin + "-" + portMax + " is not valid");
        }
    }

    public static RtpConfig fromSystem(String sipAddress) {
        return from(System::getProperty, System::getenv, sipAddress);
    }

    public static RtpConfig from(Function<String, String> property, Function<String, String> env, String sipAddress) {
        int offset = integer(property.apply(SipSettings.PORT_OFFSET), SipSettings.PORT_OFFSET, 0);
        String address = text(property, env, "sangdam.media.address", "SANGDAM_MEDIA_ADDRESS");
        int min = integer(text(property, env, "sangdam.media.rtp-port-min", "SANGDAM_MEDIA_RTP_PORT_MIN"), "sangdam.media.rtp-port-min", defaultMin(offset));
        int max = integer(text(property, env, "sangdam.media.rtp-port-max", "SANGDAM_MEDIA_RTP_PORT_MAX"), "sangdam.media.rtp-port-max", min + 3999);
        int timeout = integer(text(property, env, "sangdam.media.rtp-timeout", "SANGDAM_MEDIA_RTP_TIMEOUT"), "sangdam.media.rtp-timeout", 60);
        return new RtpConfig(address == null ? sipAddress : address, min, max, timeout);
    }

    /**
     * 30000 + 40 x the port offset, wrapped to stay below 61000 (so min + 3999 is a port):
     * builds side by side with different offsets get their own ranges, large offsets too.
     */
    static int defaultMin(int offset) {
        return 30000 + Math.floorMod(40 * offset, 31000);
    }

    private static String text(Function<String, String> property, Function<String, String> env, String name, String envName) {
        String v = property.apply(name);
        if (v == null || v.isBlank()) {
            v = env.apply(envName);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int integer(String v, String name, int fallback) {
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
        }
    }
}
