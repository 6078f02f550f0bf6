package org.sangdam.bench.server;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** The driver's handle on the bench WAR, on loopback: seed, start a burst, poll it, read its figures. */
@Path("/bench")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BenchApi {
    @EJB
    BenchDesk desk;

    @Provider
    public static class Failures implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && (t instanceof jakarta.ejb.EJBException || t.getMessage() == null)) {
                t = t.getCause();
            }
            return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", String.valueOf(t))).build();
        }
    }

    @GET
    @Path("ping")
    public Map<String, String> ping() {
        return Map.of("bench", "up");
    }

    @GET
    @Path("routing-queue")
    public BenchDesk.RoutingQueue routingQueue() {
        return desk.routingQueue();
    }

    @POST
    @Path("seeds")
    public BenchDesk.SeedSummary seed(@QueryParam("services") @DefaultValue("10") int services,
                                      @QueryParam("agentsPerService") @DefaultValue("100") int agentsPerService,
                                      @QueryParam("recallSeconds") @DefaultValue("15") int recallSeconds) {
        return desk.seed(services, agentsPerService, recallSeconds);
    }

    @GET
    @Path("seeds/{id}/readiness")
    public BenchDesk.Readiness readiness(@PathParam("id") String id) {
        return desk.readiness(id);
    }

    @POST
    @Path("bursts")
    public BenchDesk.Progress burst(BenchDesk.BurstSpec spec) {
        return desk.startBurst(spec);
    }

    @GET
    @Path("bursts/{id}")
    public BenchDesk.Progress progress(@PathParam("id") String id) {
        return desk.progress(id);
    }

    @POST
    @Path("bursts/{id}/release")
    public BenchDesk.Progress release(@PathParam("id") String id) {
        return desk.release(id);
    }

    @GET
    @Path("bursts/{id}/figures")
    public BenchFigures.Figures figures(@PathParam("id") String id) {
        return desk.figures(id);
    }
}
