package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sangdam.transfer.TransferNumberInfo;
import org.sangdam.transfer.TransferNumberService;
import org.sangdam.transfer.TransferNumberSpec;

import java.util.List;

/** A service's frequently used transfer numbers (R1.6). */
@Path("/services/{serviceId}/transfer-numbers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransferNumberResource {
    @EJB
    TransferNumberService numbers;

    @GET
    public List<TransferNumberInfo> list(@PathParam("serviceId") long serviceId) {
        return numbers.list(serviceId);
    }

    @POST
    public Response add(@PathParam("serviceId") long serviceId, TransferNumberSpec spec) {
        return Response.status(Response.Status.CREATED).entity(numbers.add(serviceId, spec)).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("serviceId") long serviceId, @PathParam("id") long id) {
        numbers.remove(serviceId, id);
        return Response.noContent().build();
    }
}
