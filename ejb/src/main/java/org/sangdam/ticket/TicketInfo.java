package org.sangdam.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A ticket with its call timeline (R2.5); {@code recording} is the API path of the call's
 * recording ({@code /api/tickets/{id}/recording}), or null when there is none (issue 7).
 */
public record TicketInfo(long id, long serviceId, long callId, String customerNumber, String channel, String direction,
                         long agentId, String status, Instant createdAt, String category, String note, List<Entry> events,
                         String recording) {

    public record Entry(String kind, String detail, String actor, Instant at) {
    }
}
