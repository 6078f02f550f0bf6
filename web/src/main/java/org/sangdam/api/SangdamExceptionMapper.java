package org.sangdam.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sangdam.common.domain.AccessDeniedException;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.common.domain.UnavailableException;
import org.sangdam.common.domain.ValidationException;

/** Domain refusals → 400 / 403 / 404 / 409 / 503 with an {@link ApiError} body. */
@Provider
public class SangdamExceptionMapper implements ExceptionMapper<SangdamException> {
    @Override
    public Response toResponse(SangdamException e) {
        return switch (e) {
            case ValidationException v -> error(Response.Status.BAD_REQUEST, "validation", v.field(), v.getMessage());
            case ConflictException c -> error(Response.Status.CONFLICT, "conflict", c.field(), c.getMessage());
            case NotFoundException n -> error(Response.Status.NOT_FOUND, "not-found", null, n.getMessage());
            case AccessDeniedException a -> error(Response.Status.FORBIDDEN, "forbidden", null, a.getMessage());
            case UnavailableException u -> error(Response.Status.SERVICE_UNAVAILABLE, "unavailable", null, u.getMessage());
            default -> error(Response.Status.BAD_REQUEST, "refused", null, e.getMessage());
        };
    }

    static Response error(Response.Status status, String kind, String field, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(kind, field, message)).build();
    }
}
