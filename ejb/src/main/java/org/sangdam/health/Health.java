package org.sangdam.health;

/** What {@code GET /api/health} reports: UP only when both the database and the broker answer. */
public record Health(String status, String database, String broker) {
}
