package org.sangdam.push;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.sangdam.agent.AgentConsole;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's live event stream ({@code /sangdam/cti/events}, login required):
 * first the agent's current status, then every status change, offer, recall and
 * ticket-to-open of that agent only, as JSON, without polling. Each connection has
 * its own {@link AgentConsole} stateful bean.
 */
@ServerEndpoint("/cti/events")
public class CtiEventsEndpoint {
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CtiEventsEndpoint.class);

    @Inject
    AgentConsole console;
    @Inject
    ConsoleConnections connections;

    @OnOpen
    public void open(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login required"));
            return;
        }
        AgentConsole.Opening opening = console.open(session.getUserPrincipal().getName());
        connections.add(console.userId(), session);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("kind", "state");
        first.put("state", opening.state());
        first.put("reason", opening.reason());
        first.put("callId", opening.callId());
        session.getAsyncRemote().sendText(JSON.toJson(first));
    }

    @OnClose
    public void close(Session session) {
        connections.remove(session);
        console.close();
    }

    @OnError
    public void error(Session session, Throwable error) {
        // visible without debug logging: a console that loses its stream stops hearing offers
        LOG.infof("console connection of %s failed: %s", session.getUserPrincipal() == null ? "?" : session.getUserPrincipal().getName(), error.toString());
        LOG.debugf(error, "console connection failed");
        connections.remove(session);
    }

    static String json(Object o) {
        return JSON.toJson(o);
    }
}
