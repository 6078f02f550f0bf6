package org.sangdam.access;

import jakarta.ejb.EJBContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sangdam.access.domain.Caller;
import org.sangdam.common.domain.AccessDeniedException;
import org.sangdam.user.User;
import org.sangdam.user.UserRepository;

/** Turns the container's authenticated principal into a {@link Caller} with role and service. */
@ApplicationScoped
public class Callers {
    @Inject
    UserRepository users;

    public Caller of(EJBContext context) {
        String name = context.getCallerPrincipal().getName();
        User user = users.findByUsername(name)
                .filter(User::isActive)
                .orElseThrow(() -> new AccessDeniedException("not logged in as an active Sangdam user"));
        return new Caller(user.getUsername(), user.getRole(), user.getTenantId());
    }
}
