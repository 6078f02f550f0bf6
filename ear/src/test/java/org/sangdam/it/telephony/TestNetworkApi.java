package org.sangdam.it.telephony;

import jakarta.ejb.EJB;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sangdam.call.CallArrival;
import org.sangdam.call.CallControl;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.SangdamException;

import java.util.List;
import java.util.Map;

/**
 * The test WAR's HTTP face: the tests play the phone network through it, reporting
 * what SIP would report to {@link CallControl}, and read what the core commanded.
 */
@Path("/network")
@Produces(MediaType.APPLICATION_JSON)
public class TestNetworkApi {
    @EJB
    CallControl calls;
    @EJB
    TestNetworkBean network;
    @EJB
    org.sangdam.call.RecordingCleanup recordings;

    @ApplicationPath("/")
    public static class App extends Application {
    }

    @Provider
    public static class Refusals implements ExceptionMapper<SangdamException> {
        @Override
        public Response toResponse(SangdamException e) {
            int status = e instanceof NotFoundException ? 404 : e instanceof ConflictException ? 409 : 400;
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("message", e.getMessage())).build();
        }
    }

    /** as the SIP layer does when customer and agent are bridged: where to record (issue 7); {"file": null} when the service does not record */
    @POST
    @Path("calls/{id}/recording")
    public Map<String, Object> recording(@PathParam("id") long id) {
        Map<String, Object> out = new java.util.HashMap<>();
        out.put("file", calls.recordingFile(id));
        return out;
    }

    /** runs the recordings' retention cleanup as if it were {@code at} (ISO-8601 instant) */
    @POST
    @Path("recordings/cleanup")
    public Map<String, Integer> cleanup(@QueryParam("at") String at) {
        return Map.of("deleted", recordings.deleteExpired(java.time.Instant.parse(at)));
    }

    @POST
    @Path("calls")
    public Map<String, Long> arrive(@QueryParam("did") String did, @QueryParam("from") String from) {
        return Map.of("id", calls.customerCallArrived(did, from));
    }

    /** A call that will run its DID's scenario: the call's id and the scenario's first step. */
    @POST
    @Path("scenario-calls")
    public Map<String, Object> arriveIntoScenario(@QueryParam("did") String did, @QueryParam("from") String from) {
        CallArrival arrival = calls.arrive(did, from);
        return Map.of("id", arrival.callId(), "first", String.valueOf(arrival.scenario().start(java.time.Instant.now()).first()));
    }

    @POST
    @Path("calls/{id}/queue")
    public Response enterQueue(@PathParam("id") long id, @QueryParam("name") String name) {
        calls.enterQueue(id, name);
        return Response.noContent().build();
    }

    @POST
    @Path("calls/{id}/scenario-ended")
    public Response scenarioEnded(@PathParam("id") long id, @QueryParam("reason") String reason) {
        calls.scenarioEnded(id, reason);
        return Response.noContent().build();
    }

    @POST
    @Path("calls/{id}/customer-hung-up")
    public Response hungUp(@PathParam("id") long id) {
        calls.customerHungUp(id);
        return Response.noContent().build();
    }

    @POST
    @Path("calls/{id}/customer-answered")
    public Response answered(@PathParam("id") long id) {
        calls.customerAnswered(id);
        return Response.noContent().build();
    }

    @POST
    @Path("calls/{id}/dial-failed")
    public Response dialFailed(@PathParam("id") long id, @QueryParam("cause") String cause) {
        calls.dialFailed(id, cause);
        return Response.noContent().build();
    }

    @POST
    @Path("calls/{id}/consult-connected")
    public Response consultConnected(@PathParam("id") long id) {
        calls.consultConnected(id);
        return Response.noContent().build();
    }

    @POST
    @Path("calls/{id}/consult-failed")
    public Response consultFailed(@PathParam("id") long id, @QueryParam("cause") String cause) {
        calls.consultFailed(id, cause);
        return Response.noContent().build();
    }

    @GET
    @Path("commands")
    public List<String> commands() {
        return network.telephony().commands();
    }
}
