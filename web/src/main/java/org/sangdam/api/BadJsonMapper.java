package org.sangdam.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON the endpoint takes (wrong type, bad syntax) is a 400, not a 500. */
@Provider
public class BadJsonMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
        return SangdamExceptionMapper.error(Response.Status.BAD_REQUEST, "validation", "body", "malformed JSON body: " + e.getMessage());
    }
}
