package org.sangdam.ticket;

import java.util.List;

/** Tickets of the caller's service (R2.5); read by the console's ticket screens and the phone widget. */
public interface TicketService {
    TicketInfo get(long id);

    /**
     * The WAV file of the ticket's call recording, for members of the ticket's service
     * (others: NotFound, as for the ticket). NotFound when the call was not recorded, the
     * recording was deleted by retention or could not be written; Conflict ("not ready yet")
     * while the call goes on or its file is still being written after its end.
     */
    java.nio.file.Path recording(long id);

    List<TicketInfo> recent(long serviceId);

    /** Sets status, category and notes; only members of the ticket's service (another's is not found). */
    TicketInfo update(long id, TicketUpdate update);

    /** The caller's service's tickets of this customer number, newest first (at most {@code max}). */
    List<TicketInfo> ofCustomer(String customerNumber, int max);
}
