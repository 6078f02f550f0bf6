package org.sangdam.ticket;

import java.util.List;

/** Tickets of the caller's service (R2.5); the ticket screens come with the console. */
public interface TicketService {
    TicketInfo get(long id);

    List<TicketInfo> recent(long serviceId);
}
