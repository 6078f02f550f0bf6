package org.sangdam.sip;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers OPTIONS (RFC 3261 §11.2) with 200 and what we serve: {@code Allow} with
 * the handled methods, {@code Accept: application/sdp}. Phones and trunks use it
 * as a keep-alive and capability probe, so it is answered to anyone and changes
 * nothing.
 */
@ApplicationScoped
public class OptionsHandler implements SipHandler {
    @Override
    public String method() {
        return Request.OPTIONS;
    }

    @Override
    public void handle(SipExchange exchange) throws Exception {
        Response ok = exchange.response(Response.OK);
        for (String method : exchange.allowedMethods()) {
            ok.addHeader(exchange.headers().createAllowHeader(method));
        }
        ok.addHeader(exchange.headers().createAcceptHeader("application", "sdp"));
        exchange.send(ok);
    }
}
