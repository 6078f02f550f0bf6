package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sangdam.cti.CtiAgentInfo;
import org.sangdam.cti.CtiAgentService;
import org.sangdam.cti.CtiSettingsInfo;
import org.sangdam.cti.CtiSettingsService;
import org.sangdam.cti.InboundNumberInfo;
import org.sangdam.cti.ScenarioInfo;

import java.util.List;

/**
 * One service's CTI part (R1.3, R1.4): settings, scenarios, its DIDs and its CTI agents.
 * Under {@code /cti} so it never shadows {@code /services/{id}} itself (JAX-RS picks
 * the root resource with the longest literal path and does not backtrack).
 */
@Path("/services/{serviceId}/cti")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceCtiResource {
    @EJB
    CtiSettingsService cti;
    @EJB
    CtiAgentService ctiAgents;

    @GET
    @Path("settings")
    public CtiSettingsInfo settings(@PathParam("serviceId") long serviceId) {
        return cti.settings(serviceId);
    }

    @PUT
    @Path("settings")
    public CtiSettingsInfo updateSettings(@PathParam("serviceId") long serviceId, CtiSettingsInfo settings) {
        return cti.updateSettings(serviceId, settings);
    }

    @GET
    @Path("scenarios")
    public List<ScenarioInfo> scenarios(@PathParam("serviceId") long serviceId) {
        return cti.scenarios(serviceId);
    }

    @POST
    @Path("scenarios")
    public Response createScenario(@PathParam("serviceId") long serviceId, ScenarioInfo scenario) {
        return Response.status(Response.Status.CREATED).entity(cti.createScenario(serviceId, scenario)).build();
    }

    @PUT
    @Path("scenarios/{scenarioId}")
    public ScenarioInfo updateScenario(@PathParam("serviceId") long serviceId, @PathParam("scenarioId") long scenarioId,
                                       ScenarioInfo scenario) {
        return cti.updateScenario(serviceId, scenarioId, scenario);
    }

    @GET
    @Path("inbound-numbers")
    public List<InboundNumberInfo> inboundNumbers(@PathParam("serviceId") long serviceId) {
        return cti.inboundNumbersOf(serviceId);
    }

    @GET
    @Path("agents")
    public List<CtiAgentInfo> ctiAgents(@PathParam("serviceId") long serviceId) {
        return ctiAgents.list(serviceId);
    }
}
