package org.sangdam.ticket;

import java.util.List;

/** Tickets of the caller's service (R2.5); read by the console's ticket screens and the phone widget. */
public interface TicketService {
    TicketInfo get(long id);

    List<TicketInfo> recent(long serviceId);

    /** Sets status, category and notes; only members of the ticket's service (another's is not found). */
    TicketInfo update(long id, TicketUpdate update);

    /** The caller's service's tickets of this customer number, newest first (at most {@code max}). */
    List<TicketInfo> ofCustomer(String customerNumber, int max);
}
