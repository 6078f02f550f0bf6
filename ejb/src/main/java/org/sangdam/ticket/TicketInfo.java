package org.sangdam.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A ticket with its call timeline (R2.5); {@code recording} is the API path of the call's
 * recording ({@code /api/tickets/{id}/recording}), or null when there is none (issue 7);
 * {@code recordingReady} says whether it can be downloaded now (false while the call goes
 * on or its file is still being written).
 */
public record TicketInfo(long id, long serviceId, long callId, String customerNumber, String channel, String direction,
                         long agentId, String status, Instant createdAt, String category, String note, List<Entry> events,
                         String recording, boolean recordingReady) {

    public record Entry(String kind, String detail, String actor, Instant at) {
    }
}
