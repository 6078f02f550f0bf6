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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The open agent status boards (R2.3, 상담원 현황) by service, and the bridge from the
 * core's {@link BoardHub}: each committed status change of an agent sends
 * {@code "status"} to that service's boards, which then re-read the table through
 * Faces (so what they show is always what the caller may see).
 * <p>
 * Which service a board listens to is decided by the page, after its access check:
 * it asks for a {@linkplain #issue ticket} for the service and the browser opens
 * {@code /cti/board/{ticket}}. Boards are pinged like consoles (WildFly closes a
 * connection that read nothing for 90 s).
 */
@ApplicationScoped
public class BoardConnections {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BoardConnections.class);

    private final BoardTickets tickets = new BoardTickets();
    private final Map<Long, Set<Session>> byService = new ConcurrentHashMap<>();
    private final Consumer<ServiceStatusChange> sender = this::send;
    private ScheduledFuture<?> pings;

    @EJB
    BoardHub hub;
    @Resource
    ManagedScheduledExecutorService scheduler;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // eager start: registration must not wait for the first board
    }

    @PostConstruct
    void register() {
        hub.register(sender);
        pings = scheduler.scheduleWithFixedDelay(this::ping, ConsoleConnections.PING_SECONDS, ConsoleConnections.PING_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void unregister() {
        if (pings != null) {
            pings.cancel(false);
        }
        try {
            hub.unregister(sender);
        } catch (RuntimeException stopping) {
            // the EJB module may already be stopped
        }
    }

    /** a ticket for this user to listen to this service's changes; the caller has checked they may see the service */
    public String issue(long serviceId, String username) {
        return tickets.issue(serviceId, username, Instant.now());
    }

    /** joins the board to its service; false when the ticket is unknown, expired or another user's */
    boolean add(String ticket, String username, Session session) {
        Optional<Long> service = tickets.serviceFor(ticket, username, Instant.now());
        if (service.isEmpty()) {
            return false;
        }
        session.getUserProperties().put("sangdam.boardService", service.get());
        byService.computeIfAbsent(service.get(), k -> ConcurrentHashMap.newKeySet()).add(session);
        return true;
    }

    void remove(Session session) {
        Object id = session.getUserProperties().get("sangdam.boardService");
        if (id instanceof Long serviceId) {
            Set<Session> sessions = byService.get(serviceId);
            if (sessions != null) {
                sessions.remove(session);
            }
        }
    }

    private void send(ServiceStatusChange change) {
        Set<Session> sessions = byService.get(change.serviceId());
        if (sessions == null) {
            return;
        }
        for (Session s : sessions) {
            if (!s.isOpen()) {
                continue;
            }
            try {
                s.getAsyncRemote().sendText("status");
            } catch (RuntimeException e) {
                // one broken board must not keep the others from hearing the change
                LOG.debugf("status to a board failed: %s", e.getMessage());
            }
        }
    }

    private void ping() {
        for (Set<Session> sessions : byService.values()) {
            for (Session s : sessions) {
                if (!s.isOpen()) {
                    continue;
                }
                try {
                    s.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
                } catch (IOException | RuntimeException e) {
                    LOG.debugf("ping to a board failed: %s", e.getMessage());
                }
            }
        }
    }
}
