package org.sangdam.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The container's own role check (@RolesAllowed) said no. */
@Provider
public class AccessExceptionMapper implements ExceptionMapper<EJBAccessException> {
    @Override
    public Response toResponse(EJBAccessException e) {
        return SangdamExceptionMapper.error(Response.Status.FORBIDDEN, "forbidden", null, "not allowed for your role");
    }
}
