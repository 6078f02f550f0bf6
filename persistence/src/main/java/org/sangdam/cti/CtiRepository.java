package org.sangdam.cti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** CTI set-up of the installation and its services: agents' CTI identities, trunks, DIDs, scenarios, settings. */
@ApplicationScoped
public class CtiRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public Optional<CtiAgent> agent(long userId) {
        return Optional.ofNullable(em.find(CtiAgent.class, userId));
    }

    /** the CTI identities of these users, in one query */
    public List<CtiAgent> agents(java.util.Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from CtiAgent a where a.userId in :ids", CtiAgent.class).setParameter("ids", userIds).getResultList();
    }

    public List<CtiAgent> agentsOf(long tenantId) {
        return em.createQuery("select a from CtiAgent a where a.tenantId = :tenant order by a.ctiNumber", CtiAgent.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    public Optional<CtiAgent> agentByCtiId(String ctiId) {
        return em.createQuery("select a from CtiAgent a where a.ctiId = :v", CtiAgent.class)
                .setParameter("v", ctiId).getResultStream().findFirst();
    }

    public Optional<CtiAgent> agentByCtiNumber(String ctiNumber) {
        return em.createQuery("select a from CtiAgent a where a.ctiNumber = :v", CtiAgent.class)
                .setParameter("v", ctiNumber).getResultStream().findFirst();
    }

    public List<SipTrunk> trunks() {
        return em.createQuery("select t from SipTrunk t order by t.id", SipTrunk.class).getResultList();
    }

    public Optional<SipTrunk> trunk(long id) {
        return Optional.ofNullable(em.find(SipTrunk.class, id));
    }

    public Optional<SipTrunk> trunkByName(String name) {
        return em.createQuery("select t from SipTrunk t where t.name = :v", SipTrunk.class)
                .setParameter("v", name).getResultStream().findFirst();
    }

    public List<InboundNumber> inboundNumbers() {
        return em.createQuery("select n from InboundNumber n order by n.id", InboundNumber.class).getResultList();
    }

    public List<InboundNumber> inboundNumbersOf(long tenantId) {
        return em.createQuery("select n from InboundNumber n where n.tenantId = :tenant order by n.id", InboundNumber.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    public Optional<InboundNumber> inboundNumber(long id) {
        return Optional.ofNullable(em.find(InboundNumber.class, id));
    }

    public Optional<InboundNumber> inboundNumberByNumber(String number) {
        return em.createQuery("select n from InboundNumber n where n.number = :v", InboundNumber.class)
                .setParameter("v", number).getResultStream().findFirst();
    }

    public long countInboundNumbersOfTrunk(long trunkId) {
        return em.createQuery("select count(n) from InboundNumber n where n.trunkId = :v", Long.class)
                .setParameter("v", trunkId).getSingleResult();
    }

    public List<Scenario> scenariosOf(long tenantId) {
        return em.createQuery("select s from Scenario s where s.tenantId = :tenant order by s.id", Scenario.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    public Optional<Scenario> scenario(long id) {
        return Optional.ofNullable(em.find(Scenario.class, id));
    }

    public Optional<CtiSettings> settings(long tenantId) {
        return Optional.ofNullable(em.find(CtiSettings.class, tenantId));
    }

    /**
     * Takes the service's CTI lock (its settings row) until the transaction ends: every
     * change to a service's agents, queue and offers holds it, so one service's
     * routing is serialized in the database too, across a cluster.
     */
    public CtiSettings lockService(long tenantId) {
        CtiSettings s = em.find(CtiSettings.class, tenantId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            em.persist(new CtiSettings(tenantId));
            em.flush();
            s = em.find(CtiSettings.class, tenantId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
        return s;
    }

    public <T> T add(T entity) {
        em.persist(entity);
        em.flush();
        return entity;
    }

    public void remove(Object entity) {
        em.remove(entity);
        em.flush();
    }
}
