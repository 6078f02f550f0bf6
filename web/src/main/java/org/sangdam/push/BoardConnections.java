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

import java.time.Instant;
import java.util.Optional;
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
    private final BoardTickets tickets = new BoardTickets();
    private final SessionsByKey byService = new SessionsByKey("sangdam.boardService", "board");
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
        pings = scheduler.scheduleWithFixedDelay(byService::pingAll, ConsoleConnections.PING_SECONDS, ConsoleConnections.PING_SECONDS, TimeUnit.SECONDS);
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
        byService.add(service.get(), session);
        return true;
    }

    void remove(Session session) {
        byService.remove(session);
    }

    private void send(ServiceStatusChange change) {
        byService.send(change.serviceId(), "status");
    }
}
