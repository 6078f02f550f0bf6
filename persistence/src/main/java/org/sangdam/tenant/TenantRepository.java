package org.sangdam.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TenantRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public Optional<Tenant> find(long id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    public Optional<Tenant> findByName(String name) {
        return em.createQuery("select t from Tenant t where t.name = :name", Tenant.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    public List<Tenant> all() {
        return em.createQuery("select t from Tenant t order by t.id", Tenant.class).getResultList();
    }

    public Tenant add(Tenant tenant) {
        em.persist(tenant);
        em.flush();
        return tenant;
    }
}
