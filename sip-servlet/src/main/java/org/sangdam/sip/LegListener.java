package org.sangdam.sip;

import javax.sip.message.Request;

/**
 * The handler side of one established call leg: requests inside its dialog (BYE,
 * re-INVITE, INFO …) are routed here by Call-ID instead of to the handler of their
 * method, the way a servlet container routes a session's requests to its session.
 * The leg answers each request exactly once through the exchange.
 */
public interface LegListener {
    void request(SipExchange exchange) throws Exception;

    /** the ACK for our 2xx (no response exists) */
    default void ack(Request ack) {
    }
}
