package org.sangdam.callerid.domain;

import org.sangdam.common.domain.ConflictException;

import java.util.EnumMap;
import java.util.Map;

/**
 * The caller-ID lifecycle (R1.5), as one transition table:
 * <pre>
 *   PENDING --APPROVE--> APPROVED --REVOKE--> REVOKED
 *   PENDING --REJECT---> REJECTED
 * </pre>
 * REJECTED and REVOKED are final: the service registers the number again, which
 * starts a new PENDING registration that a system administrator reviews afresh.
 * Any other (status, action) pair is refused with the reason.
 */
public final class CallerIdLifecycle {
    private static final Map<CallerIdStatus, Map<CallerIdAction, CallerIdStatus>> TABLE = new EnumMap<>(CallerIdStatus.class);

    static {
        for (CallerIdStatus s : CallerIdStatus.values()) {
            TABLE.put(s, new EnumMap<>(CallerIdAction.class));
        }
        TABLE.get(CallerIdStatus.PENDING).put(CallerIdAction.APPROVE, CallerIdStatus.APPROVED);
        TABLE.get(CallerIdStatus.PENDING).put(CallerIdAction.REJECT, CallerIdStatus.REJECTED);
        TABLE.get(CallerIdStatus.APPROVED).put(CallerIdAction.REVOKE, CallerIdStatus.REVOKED);
    }

    private CallerIdLifecycle() {
    }

    public static CallerIdStatus apply(CallerIdStatus from, CallerIdAction action) {
        CallerIdStatus to = TABLE.get(from).get(action);
        if (to == null) {
            throw new ConflictException("status", "a " + from + " caller ID cannot be " + pastTense(action)
                    + (from == CallerIdStatus.REJECTED || from == CallerIdStatus.REVOKED
                    ? " (register the number again for a new review)" : ""));
        }
        return to;
    }

    private static String pastTense(CallerIdAction action) {
        return switch (action) {
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case REVOKE -> "revoked";
        };
    }
}
