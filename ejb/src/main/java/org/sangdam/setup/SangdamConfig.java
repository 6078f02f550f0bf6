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

    private static Optional<String> value(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }
}
