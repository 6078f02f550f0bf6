package org.sangdam.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Remove;
import jakarta.ejb.Stateful;
import jakarta.inject.Inject;
import org.sangdam.common.domain.AccessDeniedException;
import org.sangdam.user.User;
import org.sangdam.user.UserRepository;

import java.io.Serializable;

/**
 * One open agent console (its live event connection): a stateful bean that knows
 * whose console it is from the moment it opens until it closes, so pushed events
 * reach that agent only. It caches nothing that must survive: the database holds
 * the agent's status, and a reconnecting console reads it afresh.
 */
@Stateful
@LocalBean
@PermitAll
public class AgentConsole implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    UserRepository users;
    @Inject
    AgentSessionRepository sessions;

    private long userId;
    private String username;

    /** What the console shows first: the stored status, or none before the first CTI login. */
    public record Opening(String state, String reason, Long callId) {
    }

    /**
     * Binds the console to the user the web tier authenticated for this connection.
     * (A web socket's callbacks do not carry the caller into EJB calls, so the web
     * tier passes the authenticated name.)
     */
    public Opening open(String authenticatedUser) {
        User user = users.findByUsername(authenticatedUser).filter(User::isActive)
                .orElseThrow(() -> new AccessDeniedException("not logged in as an active Sangdam user"));
        userId = user.getId();
        username = user.getUsername();
        return sessions.find(userId).map(s -> new Opening(s.getState(), s.getReason(), s.getCallId()))
                .orElse(new Opening("LOGGED_OUT", null, null));
    }

    public long userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    @Remove
    public void close() {
        // the container discards the bean; nothing else holds the agent's state
    }
}
