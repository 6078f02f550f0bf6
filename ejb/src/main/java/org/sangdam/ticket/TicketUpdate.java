package org.sangdam.ticket;

/** The agent's work on a ticket: status (NEW, OPEN, PENDING, SOLVED), category (optional) and notes (optional). */
public record TicketUpdate(String status, String category, String note) {
}
