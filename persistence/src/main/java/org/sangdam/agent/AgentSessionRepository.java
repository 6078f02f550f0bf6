package org.sangdam.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AgentSessionRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public Optional<AgentSession> find(long userId) {
        return Optional.ofNullable(em.find(AgentSession.class, userId));
    }

    /** the service's CTI-logged-in agents */
    public List<AgentSession> loggedInOf(long tenantId) {
        return em.createQuery("select s from AgentSession s where s.tenantId = :t and s.state <> 'LOGGED_OUT' order by s.userId", AgentSession.class)
                .setParameter("t", tenantId).getResultList();
    }

    public List<AgentSession> inState(long tenantId, String state) {
        return em.createQuery("select s from AgentSession s where s.tenantId = :t and s.state = :s order by s.since", AgentSession.class)
                .setParameter("t", tenantId).setParameter("s", state).getResultList();
    }

    /** the agents of the service who hold the call: its agent, and one being consulted on it (issue 7) */
    public List<AgentSession> holding(long tenantId, long callId) {
        return em.createQuery("select s from AgentSession s where s.tenantId = :t and s.callId = :c order by s.userId", AgentSession.class)
                .setParameter("t", tenantId).setParameter("c", callId).getResultList();
    }

    /** per service, how many of its agents are in each state (one row per agent: a small table) */
    public java.util.Map<Long, java.util.Map<String, Long>> countByServiceAndState() {
        java.util.Map<Long, java.util.Map<String, Long>> out = new java.util.HashMap<>();
        em.createQuery("select s.tenantId, s.state, count(s) from AgentSession s group by s.tenantId, s.state", Object[].class)
                .getResultList().forEach(r -> out.computeIfAbsent((Long) r[0], k -> new java.util.HashMap<>()).put((String) r[1], (Long) r[2]));
        return out;
    }

    public long countInState(long tenantId, String state) {
        return em.createQuery("select count(s) from AgentSession s where s.tenantId = :t and s.state = :s", Long.class)
                .setParameter("t", tenantId).setParameter("s", state).getSingleResult();
    }

    /** re-reads a session after the service lock was taken, in case it changed before */
    public void refresh(AgentSession session) {
        em.refresh(session);
    }

    public AgentSession add(AgentSession session) {
        em.persist(session);
        return session;
    }

    public void record(AgentSession session, String event) {
        em.persist(new AgentStatusRecord(session, event));
    }

}
