package org.sangdam.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sangdam.user.domain.Role;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class UserRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public Optional<User> find(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** the users with these ids, in one query (routing looks at all of a service's Ready agents at once) */
    public List<User> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u from User u where u.id in :ids", User.class).setParameter("ids", ids).getResultList();
    }

    public Optional<User> findByUsername(String username) {
        return em.createQuery("select u from User u where u.username = :username", User.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    public List<User> ofTenant(long tenantId) {
        return em.createQuery("select u from User u where u.tenantId = :tenant order by u.id", User.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    public long countWithRole(Role role) {
        return em.createQuery("select count(u) from User u where u.role = :role and u.active = true", Long.class)
                .setParameter("role", role).getSingleResult();
    }

    public List<User> withDemoPassword() {
        return em.createQuery("select u from User u where u.demoPassword = true and u.active = true", User.class).getResultList();
    }

    public User add(User user) {
        em.persist(user);
        em.flush();
        return user;
    }
}
