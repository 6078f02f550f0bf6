package org.sangdam.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

@ApplicationScoped
public class AuditRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public void add(AuditRecord record) {
        em.persist(record);
    }

    /** the newest changes first, optionally of one service only */
    public List<AuditRecord> newest(Long tenantId, int max) {
        return newest(tenantId, 0, max);
    }

    /** one page of the newest changes first: {@code max} rows from row {@code first} */
    public List<AuditRecord> newest(Long tenantId, int first, int max) {
        var q = tenantId == null
                ? em.createQuery("select a from AuditRecord a order by a.at desc, a.id desc", AuditRecord.class)
                : em.createQuery("select a from AuditRecord a where a.tenantId = :tenant order by a.at desc, a.id desc", AuditRecord.class)
                        .setParameter("tenant", tenantId);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(Long tenantId) {
        var q = tenantId == null
                ? em.createQuery("select count(a) from AuditRecord a", Long.class)
                : em.createQuery("select count(a) from AuditRecord a where a.tenantId = :tenant", Long.class)
                        .setParameter("tenant", tenantId);
        return q.getSingleResult();
    }
}
