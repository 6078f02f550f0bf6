package org.sangdam.call.domain;

/** Why a call ended: what reports count. */
public enum EndCause {
    CUSTOMER_HUNG_UP,
    AGENT_HUNG_UP,
    /** 강성종료: the announcement was played, then the call was ended (R3.6). */
    ABUSIVE_TERMINATION,
    /** The customer now talks to the consultation target (R3.3). */
    TRANSFERRED,
    /** The customer hung up before any agent answered: in the scenario, in the queue or while an agent's phone rang. */
    ABANDONED_IN_QUEUE,
    /** The scenario ended the call before any agent: out of hours, or nobody free for too long (R2.6). */
    ENDED_BY_SCENARIO,
    FAILED
}
