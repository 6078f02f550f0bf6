package org.sangdam.push;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.Session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The open consoles by agent, and the bridge from the core's {@link PushHub}: the
 * EJB module cannot reach web sockets, so this registers itself there when the web
 * application starts and sends each committed notice to that agent's consoles only
 * (every open tab of theirs).
 */
@ApplicationScoped
public class ConsoleConnections {
    private final Map<Long, Set<Session>> byAgent = new ConcurrentHashMap<>();
    private final Consumer<CtiNotice> sender = this::send;

    @EJB
    PushHub hub;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // eager start: registration must not wait for the first console
    }

    @PostConstruct
    void register() {
        hub.register(sender);
    }

    @PreDestroy
    void unregister() {
        try {
            hub.unregister(sender);
        } catch (RuntimeException stopping) {
            // the EJB module may already be stopped when the web application goes down; nothing to undo then
        }
    }

    void add(long userId, Session session) {
        session.getUserProperties().put("sangdam.userId", userId);
        byAgent.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(Session session) {
        Object id = session.getUserProperties().get("sangdam.userId");
        if (id instanceof Long userId) {
            Set<Session> sessions = byAgent.get(userId);
            if (sessions != null) {
                sessions.remove(session);
            }
        }
    }

    private void send(CtiNotice notice) {
        Set<Session> sessions = byAgent.get(notice.userId());
        if (sessions == null || sessions.isEmpty()) {
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", notice.kind());
        message.putAll(notice.data());
        String text = CtiEventsEndpoint.json(message);
        for (Session s : sessions) {
            if (s.isOpen()) {
                s.getAsyncRemote().sendText(text);
            }
        }
    }
}
