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

import java.util.LinkedHashMap;
import java.util.Map;
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
    private final SessionsByKey byAgent = new SessionsByKey("sangdam.userId", "console");
    static final long PING_SECONDS = 30;
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
        pings = scheduler.scheduleWithFixedDelay(byAgent::pingAll, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
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
        byAgent.add(userId, session);
    }

    void remove(Session session) {
        byAgent.remove(session);
    }

    private void send(CtiNotice notice) {
        if (!byAgent.has(notice.userId())) {
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", notice.kind());
        message.putAll(notice.data());
        byAgent.send(notice.userId(), CtiEventsEndpoint.json(message));
    }
}
