package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.sangdam.audit.AuditPage;
import org.sangdam.audit.AuditService;

/**
 * One service's admin audit trail, newest first, paged (system administrators). Its own root
 * resource: JAX-RS would route {@code /services/...} to {@link TenantResource} and not backtrack.
 */
@Path("/services/{serviceId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceAuditResource {
    @EJB
    AuditService audit;

    @GET
    public AuditPage ofService(@PathParam("serviceId") long serviceId,
                               @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return audit.page(serviceId, page, size);
    }
}
