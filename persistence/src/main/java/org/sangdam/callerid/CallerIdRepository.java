package org.sangdam.callerid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sangdam.callerid.domain.CallerIdStatus;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CallerIdRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public Optional<CallerId> find(long id) {
        return Optional.ofNullable(em.find(CallerId.class, id));
    }

    public List<CallerId> ofTenant(long tenantId) {
        return em.createQuery("select c from CallerId c where c.tenantId = :tenant order by c.id", CallerId.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    public List<CallerId> withStatus(CallerIdStatus status) {
        return em.createQuery("select c from CallerId c where c.status = :status order by c.id", CallerId.class)
                .setParameter("status", status).getResultList();
    }

    /** Registrations of this number that still hold it (pending or approved), in any service. */
    public List<CallerId> activeWithNumber(String number) {
        return em.createQuery("select c from CallerId c where c.number = :number and c.status in :active", CallerId.class)
                .setParameter("number", number)
                .setParameter("active", List.of(CallerIdStatus.PENDING, CallerIdStatus.APPROVED))
                .getResultList();
    }

    public CallerId add(CallerId callerId) {
        em.persist(callerId);
        em.flush();
        return callerId;
    }
}
