package org.sangdam.sip.domain;

import org.sangdam.b2bua.domain.SessionTimer;
import org.sangdam.registrar.domain.ExpiryPolicy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The SIP layer's settings, each a system property or else an environment
 * variable (like {@code SangdamConfig}):
 * <table>
 * <caption>settings</caption>
 * <tr><th>property</th><th>environment</th><th>default</th></tr>
 * <tr><td>sangdam.sip.address</td><td>SANGDAM_SIP_ADDRESS</td><td>127.0.0.1</td></tr>
 * <tr><td>sangdam.sip.port</td><td>SANGDAM_SIP_PORT</td><td>5060, plus WildFly's jboss.socket.binding.port-offset</td></tr>
 * <tr><td>sangdam.sip.transports</td><td>SANGDAM_SIP_TRANSPORTS</td><td>udp,tcp</td></tr>
 * <tr><td>sangdam.sip.register.min-expires / max-expires / default-expires</td><td>SANGDAM_SIP_REGISTER_…</td><td>60 / 3600 / 3600 s</td></tr>
 * <tr><td>sangdam.sip.register.max-contacts</td><td>SANGDAM_SIP_REGISTER_MAX_CONTACTS</td><td>10 per CTI number</td></tr>
 * <tr><td>sangdam.sip.nonce-lifetime</td><td>SANGDAM_SIP_NONCE_LIFETIME</td><td>300 s</td></tr>
 * <tr><td>sangdam.sip.threads</td><td>SANGDAM_SIP_THREADS</td><td>8 (the stack's message-processing threads)</td></tr>
 * <tr><td>sangdam.sip.session-expires</td><td>SANGDAM_SIP_SESSION_EXPIRES</td><td>1800 s, the session interval we ask phones for (RFC 4028)</td></tr>
 * <tr><td>sangdam.sip.min-se</td><td>SANGDAM_SIP_MIN_SE</td><td>90 s, the shortest session interval we accept (422 below)</td></tr>
 * </table>
 * The port offset is added so that a server started with
 * {@code -Djboss.socket.binding.port-offset=100} (the integration tests) listens
 * on 5160 beside a demo server on 5060, as its HTTP port does.
 */
public record SipSettings(String address, int port, List<String> transports, ExpiryPolicy expiry,
                          int maxContactsPerNumber, Duration nonceLifetime, int threads) {
    public static final String PORT_OFFSET = "jboss.socket.binding.port-offset";

    public SipSettings {
        transports = List.copyOf(transports);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SIP port out of range: " + port);
        }
        if (transports.isEmpty() || !List.of("udp", "tcp").containsAll(transports)) {
            throw new IllegalArgumentException("SIP transports must be udp and/or tcp, got " + transports);
        }
    }

    public static SipSettings fromSystem() {
        return from(System::getProperty, System::getenv);
    }

    /** reads the settings through {@code property} (system properties) and {@code env} (environment) */
    public static SipSettings from(Function<String, String> property, Function<String, String> env) {
        Lookup in = new Lookup(property, env);
        int offset = in.integer(PORT_OFFSET, null, 0);
        int basePort = in.integer("sangdam.sip.port", "SANGDAM_SIP_PORT", 5060);
        List<String> transports = Arrays.stream(in.text("sangdam.sip.transports", "SANGDAM_SIP_TRANSPORTS", "udp,tcp").split(","))
                .map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().toList();
        ExpiryPolicy expiry = new ExpiryPolicy(
                in.integer("sangdam.sip.register.min-expires", "SANGDAM_SIP_REGISTER_MIN_EXPIRES", 60),
                in.integer("sangdam.sip.register.max-expires", "SANGDAM_SIP_REGISTER_MAX_EXPIRES", 3600),
                in.integer("sangdam.sip.register.default-expires", "SANGDAM_SIP_REGISTER_DEFAULT_EXPIRES", 3600));
        return new SipSettings(
                in.text("sangdam.sip.address", "SANGDAM_SIP_ADDRESS", "127.0.0.1"),
                basePort + offset,
                transports,
                expiry,
                in.integer("sangdam.sip.register.max-contacts", "SANGDAM_SIP_REGISTER_MAX_CONTACTS", 10),
                Duration.ofSeconds(in.integer("sangdam.sip.nonce-lifetime", "SANGDAM_SIP_NONCE_LIFETIME", 300)),
                in.integer("sangdam.sip.threads", "SANGDAM_SIP_THREADS", 8));
    }

    /** RFC 4028 session timers: our Min-SE and the interval we ask for (see the table) */
    public static SessionTimer sessionTimerFromSystem() {
        return sessionTimer(System::getProperty, System::getenv);
    }

    public static SessionTimer sessionTimer(Function<String, String> property, Function<String, String> env) {
        Lookup in = new Lookup(property, env);
        int minSe = in.integer("sangdam.sip.min-se", "SANGDAM_SIP_MIN_SE", SessionTimer.RFC_MIN_SE);
        return new SessionTimer(minSe, Math.max(minSe, in.integer("sangdam.sip.session-expires", "SANGDAM_SIP_SESSION_EXPIRES", 1800)));
    }

    private record Lookup(Function<String, String> property, Function<String, String> env) {
        String text(String name, String envName, String fallback) {
            String v = property.apply(name);
            if ((v == null || v.isBlank()) && envName != null) {
                v = env.apply(envName);
            }
            return v == null || v.isBlank() ? fallback : v.trim();
        }

        int integer(String name, String envName, int fallback) {
            String v = text(name, envName, null);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
            }
        }
    }
}
