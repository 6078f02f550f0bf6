package org.sangdam.sip;

import javax.sip.ResponseEvent;

/**
 * Where the responses to a request we sent go: set as the client transaction's
 * application data, the dispatcher hands it every response and the timeout.
 */
public interface ResponseListener {
    void response(ResponseEvent event) throws Exception;

    /** no final response came (Timer B/F) */
    void timeout();
}
