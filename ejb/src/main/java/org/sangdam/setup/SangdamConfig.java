package org.sangdam.setup;

import java.util.Optional;

/**
 * Start-up switches, each a system property or else an environment variable:
 * {@code sangdam.demo} / {@code SANGDAM_DEMO} (demo data and demo logins; off
 * unless set to true), {@code SANGDAM_ADMIN_PASSWORD} (first system
 * administrator outside demo mode).
 */
public final class SangdamConfig {
    private SangdamConfig() {
    }

    public static boolean demoMode() {
        return Boolean.parseBoolean(value("sangdam.demo", "SANGDAM_DEMO").orElse("false"));
    }

    public static Optional<String> adminPassword() {
        return value("sangdam.admin.password", "SANGDAM_ADMIN_PASSWORD");
    }

    /**
     * Where call recordings go: {@code sangdam.recording.dir} / {@code SANGDAM_RECORDING_DIR},
     * else {@code recordings} under the server's data directory.
     */
    public static java.nio.file.Path recordingDir() {
        return value("sangdam.recording.dir", "SANGDAM_RECORDING_DIR").map(java.nio.file.Path::of)
                .orElseGet(() -> java.nio.file.Path.of(System.getProperty("jboss.server.data.dir",
                        System.getProperty("java.io.tmpdir")), "sangdam", "recordings"));
    }

    private static Optional<String> value(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }
}
