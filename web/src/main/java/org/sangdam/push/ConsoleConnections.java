package org.sangdam.push;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The open consoles by agent, and the bridge from the core's {@link PushHub}: the
 * EJB module cannot reach web sockets, so this registers itself there when the web
 * application starts and sends each committed notice to that agent's consoles only
 * (every open tab of theirs).
 * <p>
 * Every open console is pinged every {@value #PING_SECONDS} s: the stream only carries
 * events to the console, and WildFly's listeners close a connection that has read
 * nothing for 90 s (the {@code read-timeout} default), so a Ready agent without calls
 * for a minute and a half lost the stream and, until the reconnect, the offers pushed
 * on it. Browsers and other WebSocket clients answer a ping with a pong by themselves.
 */
@ApplicationScoped
public class ConsoleConnections {
    private final Map<Long, Set<Session>> byAgent = new ConcurrentHashMap<>();
    static final long PING_SECONDS = 30;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ConsoleConnections.class);
    private final Consumer<CtiNotice> sender = this::send;
    private ScheduledFuture<?> pings;

    @EJB
    PushHub hub;
    @Resource
    ManagedScheduledExecutorService scheduler;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // eager start: registration must not wait for the first console
    }

    @PostConstruct
    void register() {
        hub.register(sender);
        pings = scheduler.scheduleWithFixedDelay(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    private void ping() {
        for (Set<Session> sessions : byAgent.values()) {
            for (Session s : sessions) {
                if (!s.isOpen()) {
                    continue;
                }
                try {
                    s.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
                } catch (IOException | RuntimeException e) {
                    LOG.debugf("ping to a console failed: %s", e.getMessage());
                }
            }
        }
    }

    @PreDestroy
    void unregister() {
        if (pings != null) {
            pings.cancel(false);
        }
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
