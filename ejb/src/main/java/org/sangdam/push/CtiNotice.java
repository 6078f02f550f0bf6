package org.sangdam.push;

import java.util.Map;

/**
 * Something an agent's console must show at once: a status change, an offer, a
 * recall, a ticket to open. Fired as a CDI event; delivered after commit, only to
 * that agent.
 */
public record CtiNotice(long userId, String kind, Map<String, Object> data) {
}
