package org.sangdam.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that cannot be read as the JSON the endpoint takes (bad syntax, a string
 * where a number belongs) is the client's error: 400 with a JSON body, not a 500
 * or the provider's plain-text message.
 */
@Provider
public class BadJsonMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return SangdamExceptionMapper.error(Response.Status.BAD_REQUEST, "validation", "body", "malformed JSON body: " + cause.getMessage());
    }
}
