package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sangdam.health.Health;
import org.sangdam.health.HealthService;

/** Liveness for load balancers and the run command: no login needed. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    @EJB
    HealthService health;

    @GET
    public Response check() {
        Health h = health.check();
        return Response.status("UP".equals(h.status()) ? 200 : 503).entity(h).build();
    }
}
