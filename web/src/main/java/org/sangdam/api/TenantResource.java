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
import org.sangdam.tenant.ContractTerms;
import org.sangdam.tenant.TenantInfo;
import org.sangdam.tenant.TenantService;
import org.sangdam.tenant.TenantSpec;

import java.util.List;

/** Services and their contracts (R1.1). */
@Path("/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {
    @EJB
    TenantService tenants;

    @GET
    public List<TenantInfo> list() {
        return tenants.list();
    }

    @POST
    public Response create(TenantSpec spec) {
        return Response.status(Response.Status.CREATED).entity(tenants.create(spec)).build();
    }

    @GET
    @Path("{id}")
    public TenantInfo get(@PathParam("id") long id) {
        return tenants.get(id);
    }

    @PUT
    @Path("{id}")
    public TenantInfo rename(@PathParam("id") long id, TenantSpec spec) {
        return tenants.rename(id, spec);
    }

    @PUT
    @Path("{id}/contract")
    public TenantInfo contract(@PathParam("id") long id, ContractTerms terms) {
        return tenants.updateContract(id, terms);
    }
}
