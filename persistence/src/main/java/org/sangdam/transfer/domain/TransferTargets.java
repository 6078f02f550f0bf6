package org.sangdam.transfer.domain;

import org.sangdam.phone.domain.Extensions;
import org.sangdam.phone.domain.PhoneNumbers;

/** A transfer target is either an internal extension (another agent or team) or an outside phone number. */
public final class TransferTargets {
    private TransferTargets() {
    }

    public static String normalise(String field, String input) {
        if (input != null && input.strip().matches("[1-9]\\d{2,5}")) {
            return Extensions.normalise(field, input);
        }
        return PhoneNumbers.normalise(field, input);
    }
}
