package org.sangdam.agent;

/** Consult call (R3.1): exactly one of a typed number, a frequently used transfer number's id, or a Ready agent's user id. */
public record ConsultRequest(String number, Long transferNumberId, Long agentId) {
}
