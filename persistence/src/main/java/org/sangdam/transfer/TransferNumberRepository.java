package org.sangdam.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TransferNumberRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public List<TransferNumber> ofTenant(long tenantId) {
        return em.createQuery("select t from TransferNumber t where t.tenantId = :tenant order by t.label", TransferNumber.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    public Optional<TransferNumber> find(long id) {
        return Optional.ofNullable(em.find(TransferNumber.class, id));
    }

    public boolean exists(long tenantId, String number) {
        return em.createQuery("select count(t) from TransferNumber t where t.tenantId = :tenant and t.number = :number", Long.class)
                .setParameter("tenant", tenantId).setParameter("number", number).getSingleResult() > 0;
    }

    public TransferNumber add(TransferNumber number) {
        em.persist(number);
        em.flush();
        return number;
    }

    public void remove(TransferNumber number) {
        em.remove(number);
    }
}
