package org.sangdam.push;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/**
 * The agent status board's change stream ({@code /sangdam/cti/board/{ticket}}, login
 * required): first {@code "ready"}, then {@code "status"} each time an agent of the
 * board's service changes CTI status (R2.3); a bad ticket is closed with 1008. The ticket comes from the page, which checked the caller may see
 * that service; the message carries nothing else, the page re-reads the table.
 */
@ServerEndpoint("/cti/board/{ticket}")
public class BoardEndpoint {
    @Inject
    BoardConnections boards;

    @OnOpen
    public void open(Session session, @PathParam("ticket") String ticket) throws IOException {
        if (session.getUserPrincipal() == null || !boards.add(ticket, session.getUserPrincipal().getName(), session)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no such board"));
            return;
        }
        // first message: the board re-reads its table, catching what changed between its page and this stream
        session.getAsyncRemote().sendText("ready");
    }

    @OnClose
    public void close(Session session) {
        boards.remove(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        boards.remove(session);
    }
}
