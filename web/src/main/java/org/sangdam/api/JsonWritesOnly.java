package org.sangdam.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * CSRF guard for a cookie- or Basic-authenticated API: a browser sends the user's
 * credentials with a cross-site form or a no-CORS fetch, but those can only carry
 * form or text bodies. Every write must say {@code Content-Type: application/json},
 * which a foreign page cannot send without a CORS preflight that we never grant.
 */
@Provider
@PreMatching
public class JsonWritesOnly implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean write = HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method)
                || HttpMethod.DELETE.equals(method) || HttpMethod.PATCH.equals(method);
        if (!write || HttpMethod.DELETE.equals(method) && request.getMediaType() == null) {
            // DELETE cannot be sent cross-site without a preflight, body or not
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            request.abortWith(SangdamExceptionMapper.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Content-Type", "writes take Content-Type: application/json"));
        }
    }
}
