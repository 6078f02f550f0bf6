package org.sangdam.agent;

/** A status the agent picks in the widget (R2.3): WORK, READY or BREAK, with an optional reason for Work and Break. */
public record StatusChoice(String status, String reason) {
}
