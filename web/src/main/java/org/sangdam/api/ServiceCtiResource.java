package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sangdam.cti.CtiAgentInfo;
import org.sangdam.cti.CtiAgentService;
import org.sangdam.cti.CtiSettingsInfo;
import org.sangdam.cti.CtiSettingsService;
import org.sangdam.cti.InboundNumberInfo;
import org.sangdam.cti.ScenarioInfo;
import org.sangdam.prompt.PromptInfo;
import org.sangdam.prompt.PromptService;

import java.util.List;

/**
 * One service's CTI part (R1.3, R1.4): settings, scenarios, prompts, its DIDs and its CTI agents.
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
    @EJB
    PromptService prompts;

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
    @Path("prompts")
    public List<PromptInfo> prompts(@PathParam("serviceId") long serviceId) {
        return prompts.list(serviceId);
    }

    /**
     * A WAV file as the body ({@code Content-Type: audio/wav}), {@code ?name=&kind=MUSIC|ANNOUNCEMENT}.
     * No multipart form: any web page can post one with the user's cookies (see {@link JsonWritesOnly}).
     */
    @POST
    @Path("prompts")
    @Consumes({"audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", MediaType.APPLICATION_OCTET_STREAM})
    public Response uploadPrompt(@PathParam("serviceId") long serviceId, @QueryParam("name") String name,
                                 @QueryParam("kind") String kind, byte[] wav) {
        return Response.status(Response.Status.CREATED).entity(prompts.upload(serviceId, name, kind, wav)).build();
    }

    @DELETE
    @Path("prompts/{name}")
    public Response deletePrompt(@PathParam("serviceId") long serviceId, @PathParam("name") String name) {
        prompts.delete(serviceId, name);
        return Response.noContent().build();
    }

    /** The prompt as it will be played (8 kHz mono 16-bit PCM WAV), to listen to. */
    @GET
    @Path("prompts/{name}.wav")
    @Produces("audio/wav")
    public Response listen(@PathParam("serviceId") long serviceId, @PathParam("name") String name) {
        return Response.ok(prompts.wav(serviceId, name), "audio/wav").build();
    }

    @GET
    @Path("agents")
    public List<CtiAgentInfo> ctiAgents(@PathParam("serviceId") long serviceId) {
        return ctiAgents.list(serviceId);
    }
}
