package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sangdam.callerid.CallerIdInfo;
import org.sangdam.callerid.CallerIdRequest;
import org.sangdam.callerid.CallerIdService;

import java.util.List;

/** A service's caller IDs and their review (R1.5). */
@Path("/services/{serviceId}/caller-ids")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallerIdResource {
    @EJB
    CallerIdService callerIds;

    @GET
    public List<CallerIdInfo> list(@PathParam("serviceId") long serviceId) {
        return callerIds.list(serviceId);
    }

    @GET
    @Path("dialable")
    public List<CallerIdInfo> dialable(@PathParam("serviceId") long serviceId) {
        return callerIds.dialable(serviceId);
    }

    @POST
    public Response register(@PathParam("serviceId") long serviceId, CallerIdRequest request) {
        return Response.status(Response.Status.CREATED).entity(callerIds.register(serviceId, request)).build();
    }

    @POST
    @Path("{id}/approve")
    public CallerIdInfo approve(@PathParam("serviceId") long serviceId, @PathParam("id") long id) {
        return callerIds.approve(serviceId, id);
    }

    @POST
    @Path("{id}/reject")
    public CallerIdInfo reject(@PathParam("serviceId") long serviceId, @PathParam("id") long id, CallerIdRequest request) {
        return callerIds.reject(serviceId, id, request);
    }

    @POST
    @Path("{id}/revoke")
    public CallerIdInfo revoke(@PathParam("serviceId") long serviceId, @PathParam("id") long id, CallerIdRequest request) {
        return callerIds.revoke(serviceId, id, request);
    }
}
