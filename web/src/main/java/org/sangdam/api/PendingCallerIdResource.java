package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sangdam.callerid.CallerIdInfo;
import org.sangdam.callerid.CallerIdService;

import java.util.List;

/** The system administrator's review queue: pending caller IDs of every service (R1.5). */
@Path("/caller-ids/pending")
@Produces(MediaType.APPLICATION_JSON)
public class PendingCallerIdResource {
    @EJB
    CallerIdService callerIds;

    @GET
    public List<CallerIdInfo> pending() {
        return callerIds.pending();
    }
}
