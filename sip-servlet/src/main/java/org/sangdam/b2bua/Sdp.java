package org.sangdam.b2bua;

import org.sangdam.media.MediaLeg;
import org.sangdam.media.NoCommonCodecException;
import org.sangdam.sip.SipExchange;
import org.sangdam.sip.SipNetwork;

import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/** SDP in and out of SIP messages, and the in-dialog requests every leg answers the same way. */
final class Sdp {
    private Sdp() {
    }

    /** the message's SDP body, or null when it has none */
    static String body(Message message) {
        byte[] raw = message.getRawContent();
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (raw == null || raw.length == 0 || type == null || !"sdp".equalsIgnoreCase(type.getContentSubType())) {
            return null;
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    static void attach(SipExchange exchange, Message message, String sdp) throws ParseException {
        message.setContent(sdp, exchange.headers().createContentTypeHeader("application", "sdp"));
    }

    static void attach(SipNetwork network, Message message, String sdp) throws ParseException {
        message.setContent(sdp, network.factories().headers().createContentTypeHeader("application", "sdp"));
    }

    /**
     * A request inside an established leg other than BYE: a re-INVITE (hold from the
     * phone, session refresh) is answered with our media for its offer, or our current
     * offer when it has none; INFO and UPDATE without a body get 200; anything else 405.
     */
    static void answerInDialog(SipExchange exchange, SipNetwork network, MediaLeg leg, String user) throws Exception {
        Request request = exchange.request();
        switch (request.getMethod()) {
            case Request.INVITE -> {
                String offer = body(request);
                String answer;
                try {
                    answer = offer == null ? leg.offer() : leg.answer(offer);
                } catch (NoCommonCodecException e) {
                    exchange.reply(Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
                Response ok = exchange.response(Response.OK);
                ok.addHeader(network.contact(user));
                network.allow(ok);
                attach(exchange, ok, answer);
                refreshed(network, request, ok);
                exchange.send(ok);
            }
            case Request.UPDATE -> {
                Response ok = exchange.response(Response.OK);
                refreshed(network, request, ok);
                exchange.send(ok);
            }
            case Request.INFO, Request.OPTIONS -> exchange.reply(Response.OK);
            default -> {
                Response refused = exchange.response(Response.METHOD_NOT_ALLOWED);
                network.allow(refused);
                exchange.send(refused);
            }
        }
    }

    /** a re-INVITE or UPDATE refreshes the leg's session timer (RFC 4028), if it has one */
    private static void refreshed(SipNetwork network, Request request, Response ok) throws Exception {
        String callId = ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        var refresh = network.legs().refreshOf(callId);
        if (refresh.isPresent()) {
            refresh.get().refreshed(request, ok);
        }
    }
}
