package org.sangdam.agent.domain;

import org.sangdam.cti.domain.InitialStatus;

/** An agent's CTI status as the widget and supervisors show it; the moves between them are in {@link AgentStateMachine}. */
public enum AgentState {
    LOGGED_OUT("Logged out"),
    /** 업무: busy with other work; no call is offered. */
    WORK("Work"),
    /** 대기: calls are offered. */
    READY("Ready"),
    /** 휴식: no call is offered. */
    BREAK("Break"),
    /** A call rings for the agent; the widget blinks. */
    OFFERED("Ringing"),
    /** 발신중 */
    DIALING("Dialing"),
    /** 통화중 */
    ON_CALL("On call"),
    /** 통화중(호전환): talking to the consultation target while the customer hears music on hold. */
    ON_CALL_TRANSFER("On call (transfer)"),
    /** 보류중: the customer hears music on hold. */
    ON_HOLD("On hold"),
    /** 업무(티켓처리): after-call work; no call is offered. */
    AFTER_CALL_WORK("Work (ticket processing)");

    private final String label;

    AgentState(String label) {
        this.label = label;
    }

    /** The English UI string. */
    public String label() {
        return label;
    }

    /** Only Work and Break say why the agent is not taking calls. */
    public boolean takesReason() {
        return this == WORK || this == BREAK;
    }

    public static AgentState of(InitialStatus status) {
        return switch (status) {
            case WORK -> WORK;
            case READY -> READY;
            case BREAK -> BREAK;
        };
    }
}
