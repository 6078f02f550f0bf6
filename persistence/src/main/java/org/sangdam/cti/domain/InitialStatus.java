package org.sangdam.cti.domain;

/** The statuses an agent can be put in right after CTI login (R1.3, R2.2): the ones an agent may choose (R2.3). */
public enum InitialStatus {
    /** 업무: busy with other work, no calls offered (the default) */
    WORK,
    /** 대기: calls offered */
    READY,
    /** 휴식: no calls offered */
    BREAK
}
