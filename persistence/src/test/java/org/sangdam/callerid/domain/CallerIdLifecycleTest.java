package org.sangdam.callerid.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sangdam.common.domain.ConflictException;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sangdam.callerid.domain.CallerIdAction.APPROVE;
import static org.sangdam.callerid.domain.CallerIdAction.REJECT;
import static org.sangdam.callerid.domain.CallerIdAction.REVOKE;
import static org.sangdam.callerid.domain.CallerIdStatus.APPROVED;
import static org.sangdam.callerid.domain.CallerIdStatus.PENDING;
import static org.sangdam.callerid.domain.CallerIdStatus.REJECTED;
import static org.sangdam.callerid.domain.CallerIdStatus.REVOKED;

@DisplayName("R1.5 caller-ID lifecycle")
class CallerIdLifecycleTest {

    /** The only allowed transitions (R1.5, issue 2): the expected table, written independently of the code. */
    private static final Map<CallerIdStatus, Map<CallerIdAction, CallerIdStatus>> ALLOWED = Map.of(
            PENDING, Map.of(APPROVE, APPROVED, REJECT, REJECTED),
            APPROVED, Map.of(REVOKE, REVOKED));

    @ParameterizedTest(name = "[{index}] {0} --{1}--> {2}")
    @DisplayName("R1.5 every allowed transition gives its target status")
    @CsvSource({
            "PENDING,  APPROVE, APPROVED",
            "PENDING,  REJECT,  REJECTED",
            "APPROVED, REVOKE,  REVOKED",
    })
    void allowed(CallerIdStatus from, CallerIdAction action, CallerIdStatus to) {
        assertThat(CallerIdLifecycle.apply(from, action)).isEqualTo(to);
    }

    static Stream<Arguments> refusedPairs() {
        return Arrays.stream(CallerIdStatus.values())
                .flatMap(s -> Arrays.stream(CallerIdAction.values()).map(a -> Arguments.of(s, a)))
                .filter(args -> !ALLOWED.getOrDefault((CallerIdStatus) args.get()[0], Map.of())
                        .containsKey((CallerIdAction) args.get()[1]));
    }

    @Test
    @DisplayName("R1.5 the refused pairs are exactly the 12 status x action pairs minus the 3 allowed ones")
    void refusedPairsAreTheComplement() {
        assertThat(refusedPairs()).hasSize(CallerIdStatus.values().length * CallerIdAction.values().length - 3)
                .hasSize(9);
    }

    @ParameterizedTest(name = "[{index}] {0} --{1}--> refused")
    @MethodSource("refusedPairs")
    @DisplayName("R1.5 every (status, action) pair not in the table is refused as a conflict on 'status'")
    void refused(CallerIdStatus from, CallerIdAction action) {
        assertThatThrownBy(() -> CallerIdLifecycle.apply(from, action))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(from.name())
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("status");
    }

    @Test
    @DisplayName("R1.5 a rejected caller ID cannot be approved later (register again for a new review)")
    void rejectedCannotBeApprovedLater() {
        CallerIdStatus rejected = CallerIdLifecycle.apply(PENDING, REJECT);
        assertThatThrownBy(() -> CallerIdLifecycle.apply(rejected, APPROVE))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a REJECTED caller ID cannot be approved (register the number again for a new review)");
    }

    @Test
    @DisplayName("R1.5 a revoked caller ID cannot be approved again")
    void revokedCannotBeApprovedAgain() {
        CallerIdStatus revoked = CallerIdLifecycle.apply(CallerIdLifecycle.apply(PENDING, APPROVE), REVOKE);
        assertThatThrownBy(() -> CallerIdLifecycle.apply(revoked, APPROVE))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a REVOKED caller ID cannot be approved (register the number again for a new review)");
    }

    @Test
    @DisplayName("R1.5 a pending caller ID cannot be revoked and an approved one cannot be approved twice")
    void nonFinalRefusalsHaveNoReRegisterHint() {
        assertThatThrownBy(() -> CallerIdLifecycle.apply(PENDING, REVOKE))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a PENDING caller ID cannot be revoked");
        assertThatThrownBy(() -> CallerIdLifecycle.apply(APPROVED, APPROVE))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a APPROVED caller ID cannot be approved");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(CallerIdStatus.class)
    @DisplayName("R1.5 only an APPROVED caller ID can be used to dial (R2.7)")
    void onlyApprovedUsableForDialing(CallerIdStatus status) {
        assertThat(status.usableForDialing()).isEqualTo(status == APPROVED);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(CallerIdStatus.class)
    @DisplayName("R1.5 PENDING and APPROVED are active (one registration per number); REJECTED and REVOKED are not")
    void activeStatuses(CallerIdStatus status) {
        assertThat(status.active()).isEqualTo(status == PENDING || status == APPROVED);
    }

    @Test
    @DisplayName("R1.5 REJECTED and REVOKED are final: no action leads out of them")
    void finalStatuses() {
        for (CallerIdStatus s : new CallerIdStatus[]{REJECTED, REVOKED}) {
            for (CallerIdAction a : CallerIdAction.values()) {
                assertThatThrownBy(() -> CallerIdLifecycle.apply(s, a)).as("%s %s", s, a)
                        .isInstanceOf(ConflictException.class);
            }
        }
    }
}
