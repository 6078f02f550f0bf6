package org.sangdam.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TicketRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public Optional<Ticket> find(long id) {
        return Optional.ofNullable(em.find(Ticket.class, id));
    }

    public Ticket add(Ticket ticket) {
        em.persist(ticket);
        em.flush();
        return ticket;
    }

    public void record(long ticketId, String kind, String detail, String actor, Instant at) {
        em.persist(new TicketEvent(ticketId, kind, detail, actor, at));
    }

    public List<TicketEvent> events(long ticketId) {
        return em.createQuery("select e from TicketEvent e where e.ticketId = :t order by e.at, e.id", TicketEvent.class)
                .setParameter("t", ticketId).getResultList();
    }

    public List<Ticket> ofTenant(long tenantId, int max) {
        return em.createQuery("select t from Ticket t where t.tenantId = :s order by t.createdAt desc, t.id desc", Ticket.class)
                .setParameter("s", tenantId).setMaxResults(max).getResultList();
    }

    /** the customer's earlier contacts with the service, newest first: shown while their call rings */
    public List<Ticket> ofCustomer(long tenantId, String customerNumber, int max) {
        return em.createQuery("select t from Ticket t where t.tenantId = :s and t.customerNumber = :n order by t.createdAt desc, t.id desc", Ticket.class)
                .setParameter("s", tenantId).setParameter("n", customerNumber).setMaxResults(max).getResultList();
    }
}
