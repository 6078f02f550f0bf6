package org.sangdam.ticket;

import java.time.Instant;
import java.util.List;

/** A ticket with its call timeline (R2.5). */
public record TicketInfo(long id, long serviceId, long callId, String customerNumber, String channel, String direction,
                         long agentId, String status, Instant createdAt, String category, String note, List<Entry> events) {

    public record Entry(String kind, String detail, String actor, Instant at) {
    }
}
