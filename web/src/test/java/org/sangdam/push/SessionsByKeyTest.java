package org.sangdam.push;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Pushes reach the right consoles and boards (R2.3, R2.4): open sessions of one key, pings to all")
class SessionsByKeyTest {
    /** a stand-in WebSocket session recording what it was sent */
    private static final class Peer {
        final List<String> texts = new ArrayList<>();
        int pings;
        boolean open = true;
        boolean broken;
        final Map<String, Object> properties = new HashMap<>();
        final Session session;

        Peer() {
            RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{RemoteEndpoint.Async.class}, (p, m, args) -> {
                        if (broken) {
                            throw new IllegalStateException("connection reset");
                        }
                        switch (m.getName()) {
                            case "sendText" -> texts.add((String) args[0]);
                            case "sendPing" -> pings++;
                            default -> {
                            }
                        }
                        return null;
                    });
            session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Session.class}, (p, m, args) ->
                    switch (m.getName()) {
                        case "isOpen" -> open;
                        case "getUserProperties" -> properties;
                        case "getAsyncRemote" -> remote;
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> null;
                    });
        }
    }

    @Test
    @DisplayName("a notice for one agent reaches every open tab of that agent and nobody else's")
    void sendsToTheKeysOpenSessionsOnly() {
        SessionsByKey sessions = new SessionsByKey("sangdam.userId", "console");
        Peer tab1 = new Peer();
        Peer tab2 = new Peer();
        Peer closed = new Peer();
        Peer other = new Peer();
        sessions.add(7, tab1.session);
        sessions.add(7, tab2.session);
        sessions.add(7, closed.session);
        sessions.add(8, other.session);
        closed.open = false;

        sessions.send(7, "offer");

        assertThat(tab1.texts).containsExactly("offer");
        assertThat(tab2.texts).containsExactly("offer");
        assertThat(closed.texts).isEmpty();
        assertThat(other.texts).isEmpty();
        assertThat(sessions.has(7)).isTrue();
        assertThat(sessions.has(9)).isFalse();
    }

    @Test
    @DisplayName("a broken connection does not keep the others from hearing; a removed session hears nothing more")
    void brokenAndRemoved() {
        SessionsByKey sessions = new SessionsByKey("sangdam.boardService", "board");
        Peer broken = new Peer();
        Peer fine = new Peer();
        Peer gone = new Peer();
        sessions.add(3, broken.session);
        sessions.add(3, fine.session);
        sessions.add(3, gone.session);
        broken.broken = true;
        sessions.remove(gone.session);

        sessions.send(3, "status");

        assertThat(fine.texts).containsExactly("status");
        assertThat(gone.texts).isEmpty();
        assertThat(gone.properties).containsEntry("sangdam.boardService", 3L);
    }

    @Test
    @DisplayName("every open session of every key is pinged (WildFly drops a connection that read nothing for 90 s)")
    void pingsEveryOpenSession() {
        SessionsByKey sessions = new SessionsByKey("sangdam.userId", "console");
        Peer a = new Peer();
        Peer b = new Peer();
        Peer closed = new Peer();
        sessions.add(1, a.session);
        sessions.add(2, b.session);
        sessions.add(2, closed.session);
        closed.open = false;

        sessions.pingAll();

        assertThat(a.pings).isEqualTo(1);
        assertThat(b.pings).isEqualTo(1);
        assertThat(closed.pings).isZero();
    }
}
