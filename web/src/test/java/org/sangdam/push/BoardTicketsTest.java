package org.sangdam.push;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R2.3 agent status board: which service a board's stream may listen to")
class BoardTicketsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T07:00:00Z");
    private final BoardTickets tickets = new BoardTickets();

    @Test
    @DisplayName("a ticket names the service it was issued for, to the user it was issued to, also on a reconnect")
    void issuedServiceForItsUser() {
        String a = tickets.issue(7, "admin-a", T0);
        String b = tickets.issue(8, "admin-b", T0);
        assertThat(a).isNotEqualTo(b);
        assertThat(tickets.serviceFor(a, "admin-a", T0.plusSeconds(5))).contains(7L);
        assertThat(tickets.serviceFor(a, "admin-a", T0.plusSeconds(600))).as("reconnect").contains(7L);
        assertThat(tickets.serviceFor(b, "admin-b", T0)).contains(8L);
    }

    @Test
    @DisplayName("another user's, an unknown, a missing or an expired ticket lets no one listen")
    void refused() {
        String a = tickets.issue(7, "admin-a", T0);
        assertThat(tickets.serviceFor(a, "admin-b", T0)).as("another user's").isEmpty();
        assertThat(tickets.serviceFor("not-a-ticket", "admin-a", T0)).isEmpty();
        assertThat(tickets.serviceFor(null, "admin-a", T0)).isEmpty();
        assertThat(tickets.serviceFor(a, "admin-a", T0.plus(BoardTickets.LIFETIME).plusSeconds(1))).as("expired").isEmpty();
        assertThatThrownBy(() -> tickets.issue(7, null, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("expired tickets are dropped when a new one is issued, so open pages do not pile up")
    void expiredDropped() {
        tickets.issue(7, "admin-a", T0);
        tickets.issue(7, "admin-a", T0.plusSeconds(60));
        assertThat(tickets.size()).isEqualTo(2);
        tickets.issue(7, "admin-a", T0.plus(BoardTickets.LIFETIME).plusSeconds(61));
        assertThat(tickets.size()).isEqualTo(1);
    }
}
