package org.sangdam.sip;

import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A leg's session timer (RFC 4028), told of each refresh the far end sends (a
 * re-INVITE or UPDATE in the leg's dialog) together with our 2xx to it, which it
 * stamps with the session interval before it goes out.
 */
public interface SessionRefresh {
    void refreshed(Request refresh, Response answer) throws Exception;

    /** the leg is gone: cancel what is scheduled */
    default void stop() {
    }
}
