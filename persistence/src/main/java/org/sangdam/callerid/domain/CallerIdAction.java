package org.sangdam.callerid.domain;

/** What a system administrator does to a caller-ID registration (R1.5). */
public enum CallerIdAction {
    APPROVE,
    REJECT,
    REVOKE
}
