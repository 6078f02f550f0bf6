package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sangdam.ticket.TicketInfo;
import org.sangdam.ticket.TicketService;
import org.sangdam.ticket.TicketUpdate;

import java.util.List;

/** Tickets created by calls (R2.5), readable by members of the ticket's service. */
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {
    @EJB
    TicketService tickets;

    @GET
    @Path("{id}")
    public TicketInfo get(@PathParam("id") long id) {
        return tickets.get(id);
    }

    /**
     * The call's recording (issue 7): a two-channel WAV (customer left, agent right), for
     * members of the ticket's service; another service's ticket, or a call without a
     * recording, is 404; a recording not written yet (the call goes on, or has just ended)
     * is 409 with the reason.
     */
    @GET
    @Path("{id}/recording")
    @Produces("audio/wav")
    public jakarta.ws.rs.core.Response recording(@PathParam("id") long id) {
        java.nio.file.Path file = tickets.recording(id);
        return jakarta.ws.rs.core.Response.ok(file.toFile(), "audio/wav")
                .header("Content-Disposition", "inline; filename=\"ticket-" + id + ".wav\"").build();
    }

    /** the agent's work on the ticket: {@code {status, category, note}} */
    @jakarta.ws.rs.PUT
    @Path("{id}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public TicketInfo update(@PathParam("id") long id, TicketUpdate update) {
        return tickets.update(id, update);
    }

    /** the service's newest tickets: {@code GET /tickets?serviceId=…} */
    @GET
    public List<TicketInfo> recent(@jakarta.ws.rs.QueryParam("serviceId") long serviceId) {
        return tickets.recent(serviceId);
    }
}
