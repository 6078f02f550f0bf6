package org.sangdam.push;

import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open WebSocket sessions grouped by a key (an agent's consoles by user id, the status
 * boards by service id). A session remembers its key in its user properties under
 * {@code property}, so it can leave its group when it closes. Sending and pinging go
 * to open sessions only, and one failing session never keeps the others from hearing.
 */
final class SessionsByKey {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SessionsByKey.class);

    private final String property;
    private final String what;
    private final Map<Long, Set<Session>> byKey = new ConcurrentHashMap<>();

    /**
     * @param property the user property holding a session's key
     * @param what     what a session is, for log lines ("console", "board")
     */
    SessionsByKey(String property, String what) {
        this.property = property;
        this.what = what;
    }

    void add(long key, Session session) {
        session.getUserProperties().put(property, key);
        byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(Session session) {
        if (session.getUserProperties().get(property) instanceof Long key) {
            Set<Session> sessions = byKey.get(key);
            if (sessions != null) {
                sessions.remove(session);
            }
        }
    }

    boolean has(long key) {
        Set<Session> sessions = byKey.get(key);
        return sessions != null && !sessions.isEmpty();
    }

    /** sends {@code text} to the key's open sessions */
    void send(long key, String text) {
        Set<Session> sessions = byKey.get(key);
        if (sessions == null) {
            return;
        }
        for (Session s : sessions) {
            if (!s.isOpen()) {
                continue;
            }
            try {
                s.getAsyncRemote().sendText(text);
            } catch (RuntimeException e) {
                LOG.debugf("sending to a %s failed: %s", what, e.getMessage());
            }
        }
    }

    /**
     * Pings every open session: WildFly closes a connection that read nothing for 90 s,
     * and a client answers a ping with a pong by itself, which the server reads.
     */
    void pingAll() {
        for (Set<Session> sessions : byKey.values()) {
            for (Session s : sessions) {
                if (!s.isOpen()) {
                    continue;
                }
                try {
                    s.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
                } catch (IOException | RuntimeException e) {
                    LOG.debugf("ping to a %s failed: %s", what, e.getMessage());
                }
            }
        }
    }
}
