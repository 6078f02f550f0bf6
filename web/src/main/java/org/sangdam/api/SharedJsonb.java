package org.sangdam.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every request and response of the API, with JSON-B's
 * default configuration (what RESTEasy used before). Without a resolver RESTEasy
 * builds a new {@code Jsonb} per request and per response (a provider lookup
 * through the module loader and a fresh Yasson context each time): about a tenth
 * of the server's CPU under agents' clicks in the SIP benchmark (issue 5). A Yasson
 * {@code Jsonb} is thread-safe.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class SharedJsonb implements ContextResolver<Jsonb> {
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
