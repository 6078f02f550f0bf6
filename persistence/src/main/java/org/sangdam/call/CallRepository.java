package org.sangdam.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CallRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public Optional<PhoneCall> find(long id) {
        return Optional.ofNullable(em.find(PhoneCall.class, id));
    }

    /** calls waiting at the queue step or ringing an agent */
    public List<PhoneCall> waitingOf(long tenantId) {
        return em.createQuery("select c from PhoneCall c where c.tenantId = :t and c.state in ('QUEUED', 'OFFERED') order by c.queuedAt, c.id", PhoneCall.class)
                .setParameter("t", tenantId).getResultList();
    }

    /** services that have calls waiting or ringing: what must be routed again after a restart */
    public List<Long> servicesWithWaitingCalls() {
        return em.createQuery("select distinct c.tenantId from PhoneCall c where c.state in ('QUEUED', 'OFFERED')", Long.class).getResultList();
    }

    /** the service's offers still ringing whose deadline passed before {@code cutoff}: recalls lost or failed */
    public List<PhoneCall> offeredDueBefore(long tenantId, java.time.Instant cutoff) {
        return em.createQuery("select c from PhoneCall c where c.tenantId = :t and c.state = 'OFFERED' and c.offerDeadline < :cutoff",
                        PhoneCall.class)
                .setParameter("t", tenantId).setParameter("cutoff", cutoff).getResultList();
    }

    /** the service's calls in one state, e.g. consultations ringing (issue 7) */
    public List<PhoneCall> inState(long tenantId, String state) {
        return em.createQuery("select c from PhoneCall c where c.tenantId = :t and c.state = :s", PhoneCall.class)
                .setParameter("t", tenantId).setParameter("s", state).getResultList();
    }

    /** calls in one state, all services (after a restart) */
    public List<PhoneCall> inState(String state) {
        return em.createQuery("select c from PhoneCall c where c.state = :s", PhoneCall.class).setParameter("s", state).getResultList();
    }

    public List<PhoneCall> offered() {
        return em.createQuery("select c from PhoneCall c where c.state = 'OFFERED'", PhoneCall.class).getResultList();
    }

    /** re-reads a call after the service lock was taken, in case it changed before */
    public void refresh(PhoneCall call) {
        em.refresh(call);
    }

    /** re-reads a call and locks its row until the transaction ends: one writer of the call at a time */
    public void lock(PhoneCall call) {
        em.refresh(call, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** calls of the service waiting at the queue step that ring nobody yet: what routing could offer */
    public long countWaitingUnoffered(long tenantId) {
        return em.createQuery("select count(c) from PhoneCall c where c.tenantId = :t and c.state = 'QUEUED'", Long.class)
                .setParameter("t", tenantId).getSingleResult();
    }

    /** the call's timeline, oldest first */
    public List<CallEventRecord> events(long callId) {
        return em.createQuery("select e from CallEventRecord e where e.callId = :c order by e.at, e.id", CallEventRecord.class)
                .setParameter("c", callId).getResultList();
    }

    public PhoneCall add(PhoneCall call) {
        em.persist(call);
        em.flush();
        return call;
    }

    public void record(PhoneCall call, String event, Long agentId, String detail, java.time.Instant at) {
        em.persist(new CallEventRecord(call.getId(), event, call.getState(), agentId, detail, at));
    }

    /** ended calls of a service whose recording is on disk and not kept as evidence: what retention may delete */
    public List<PhoneCall> deletableRecordingsOf(long tenantId) {
        return em.createQuery("select c from PhoneCall c where c.tenantId = :t and c.recordingFile is not null"
                        + " and c.recordingKept = false and c.endedAt is not null order by c.endedAt", PhoneCall.class)
                .setParameter("t", tenantId).getResultList();
    }
}
