package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.sangdam.audit.AuditPage;
import org.sangdam.audit.AuditService;

/** The admin audit trail of every service and the installation, newest first, paged (system administrators). */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @EJB
    AuditService audit;

    @GET
    public AuditPage all(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return audit.page(null, page, size);
    }
}
