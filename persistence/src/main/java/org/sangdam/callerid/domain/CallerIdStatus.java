package org.sangdam.callerid.domain;

/** Where a registered outbound number (발신번호) stands; see {@link CallerIdLifecycle}. */
public enum CallerIdStatus {
    /** registered by the service, waiting for a system administrator */
    PENDING,
    /** registration complete (등록 완료): the only status that can be dialled with */
    APPROVED,
    /** refused by a system administrator; final: register again to retry */
    REJECTED,
    /** withdrawn after approval; final */
    REVOKED;

    public boolean usableForDialing() {
        return this == APPROVED;
    }

    /** A number in an active status belongs to one service only and cannot be registered twice. */
    public boolean active() {
        return this == PENDING || this == APPROVED;
    }
}
