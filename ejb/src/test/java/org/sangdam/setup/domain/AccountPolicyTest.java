package org.sangdam.setup.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R1 no published password outside demo mode")
class AccountPolicyTest {

    @Test
    @DisplayName("demo accounts are locked exactly when demo mode is off")
    void lockDemo() {
        assertThat(AccountPolicy.lockDemoAccounts(false)).isTrue();
        assertThat(AccountPolicy.lockDemoAccounts(true)).isFalse();
    }

    @Test
    @DisplayName("the first system administrator is created from a long, non-demo configured password only")
    void bootstrap() {
        assertThat(AccountPolicy.bootstrapAdminPassword(false, 0, Optional.of("correct-horse-battery"))).contains("correct-horse-battery");
        assertThat(AccountPolicy.bootstrapAdminPassword(false, 0, Optional.of("short-pw"))).isEmpty();
        assertThat(AccountPolicy.bootstrapAdminPassword(false, 0, Optional.of("demo1234demo1234"))).isEmpty();
        assertThat(AccountPolicy.bootstrapAdminPassword(false, 0, Optional.empty())).isEmpty();
    }

    @Test
    @DisplayName("no bootstrap when an administrator exists or in demo mode")
    void noBootstrap() {
        assertThat(AccountPolicy.bootstrapAdminPassword(false, 1, Optional.of("correct-horse-battery"))).isEmpty();
        assertThat(AccountPolicy.bootstrapAdminPassword(true, 0, Optional.of("correct-horse-battery"))).isEmpty();
    }
}
