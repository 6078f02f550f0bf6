package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sangdam.telephony.MediaCounters;
import org.sangdam.telephony.MediaMonitor;

/**
 * The RTP media engine's counters (issue 5): open legs, packets received, relayed and dropped,
 * in total and by direction. Read-only, system administrators only (others 403).
 */
@Path("/system/media")
@Produces(MediaType.APPLICATION_JSON)
public class SystemMediaResource {
    @EJB
    MediaMonitor monitor;

    @GET
    public MediaCounters counters() {
        return monitor.counters();
    }
}
