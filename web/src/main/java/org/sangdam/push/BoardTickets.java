package org.sangdam.push;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which service an agent status board may listen to (R2.3): the page, after its
 * access check, {@linkplain #issue issues} an unguessable ticket for the viewer and
 * the service; the board's stream names it. A ticket is good only for the user it
 * was issued to and for {@link #LIFETIME} (reconnects reuse it); expired ones are
 * dropped whenever a new one is issued.
 */
public final class BoardTickets {
    static final Duration LIFETIME = Duration.ofHours(12);

    private record Ticket(long serviceId, String username, Instant issued) {
        boolean goodAt(Instant now) {
            return !issued.plus(LIFETIME).isBefore(now);
        }
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    public String issue(long serviceId, String username, Instant now) {
        if (username == null) {
            throw new IllegalArgumentException("a board ticket is for a logged-in user");
        }
        tickets.values().removeIf(t -> !t.goodAt(now));
        String id = UUID.randomUUID().toString();
        tickets.put(id, new Ticket(serviceId, username, now));
        return id;
    }

    /** the service the ticket lets this user listen to; empty when unknown, expired or another user's */
    public Optional<Long> serviceFor(String ticket, String username, Instant now) {
        Ticket t = ticket == null ? null : tickets.get(ticket);
        if (t == null || !t.username().equals(username) || !t.goodAt(now)) {
            return Optional.empty();
        }
        return Optional.of(t.serviceId());
    }

    int size() {
        return tickets.size();
    }
}
