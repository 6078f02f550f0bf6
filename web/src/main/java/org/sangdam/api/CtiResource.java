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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sangdam.cti.CtiSettingsService;
import org.sangdam.cti.InboundNumberInfo;
import org.sangdam.cti.InboundNumberSpec;
import org.sangdam.cti.TrunkInfo;
import org.sangdam.cti.TrunkSpec;

import java.util.List;

/** Installation-wide CTI settings (전체 관리 → CTI 관리 → CTI 설정, R1.3): SIP trunks and inbound numbers. */
@Path("/cti")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CtiResource {
    @EJB
    CtiSettingsService cti;

    @GET
    @Path("trunks")
    public List<TrunkInfo> trunks() {
        return cti.trunks();
    }

    @POST
    @Path("trunks")
    public Response createTrunk(TrunkSpec spec) {
        return Response.status(Response.Status.CREATED).entity(cti.createTrunk(spec)).build();
    }

    @PUT
    @Path("trunks/{id}")
    public TrunkInfo updateTrunk(@PathParam("id") long id, TrunkSpec spec) {
        return cti.updateTrunk(id, spec);
    }

    @DELETE
    @Path("trunks/{id}")
    public Response deleteTrunk(@PathParam("id") long id) {
        cti.deleteTrunk(id);
        return Response.noContent().build();
    }

    @GET
    @Path("inbound-numbers")
    public List<InboundNumberInfo> inboundNumbers() {
        return cti.inboundNumbers();
    }

    @POST
    @Path("inbound-numbers")
    public Response createInboundNumber(InboundNumberSpec spec) {
        return Response.status(Response.Status.CREATED).entity(cti.createInboundNumber(spec)).build();
    }

    @PUT
    @Path("inbound-numbers/{id}")
    public InboundNumberInfo updateInboundNumber(@PathParam("id") long id, InboundNumberSpec spec) {
        return cti.updateInboundNumber(id, spec);
    }

    @DELETE
    @Path("inbound-numbers/{id}")
    public Response deleteInboundNumber(@PathParam("id") long id) {
        cti.deleteInboundNumber(id);
        return Response.noContent().build();
    }
}
