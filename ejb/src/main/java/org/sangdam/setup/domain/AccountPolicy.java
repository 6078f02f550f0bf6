package org.sangdam.setup.domain;

import java.util.Optional;

/**
 * Which logins may exist when Sangdam starts. Demo mode publishes its passwords,
 * so outside it: no account may keep a demo password (they are deactivated), and
 * the first system administrator's password must come from the operator, be long
 * enough, and not be the published one.
 */
public final class AccountPolicy {
    public static final String DEMO_PASSWORD = "demo1234";
    public static final int MIN_ADMIN_PASSWORD = 12;

    private AccountPolicy() {
    }

    public static boolean lockDemoAccounts(boolean demoMode) {
        return !demoMode;
    }

    /** @return the password to create the first system administrator with, if one is needed and acceptable */
    public static Optional<String> bootstrapAdminPassword(boolean demoMode, long activeSystemAdmins, Optional<String> configured) {
        if (demoMode || activeSystemAdmins > 0) {
            return Optional.empty();
        }
        return configured.filter(p -> p.length() >= MIN_ADMIN_PASSWORD && !p.contains(DEMO_PASSWORD));
    }
}
