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
 * Uploaded audio (a prompt's WAV) may say {@code audio/wav} or {@code application/octet-stream}
 * instead: neither is a CORS-safelisted type, so they need the same preflight. A
 * {@code multipart/form-data} upload is not offered for that reason: any page can post one.
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
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !audio(type)) {
            request.abortWith(SangdamExceptionMapper.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Content-Type", "writes take Content-Type: application/json (uploads: audio/wav)"));
        }
    }

    private static boolean audio(MediaType type) {
        String t = type.getType() + "/" + type.getSubtype();
        return AUDIO.contains(t.toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> AUDIO = java.util.Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave",
            MediaType.APPLICATION_OCTET_STREAM);
}
