package org.sangdam.prompt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PromptRepository {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    /** A prompt without its audio, for lists. */
    public record Summary(String name, StoredPrompt.Kind kind, long durationMillis, String uploadedBy, Instant uploadedAt) {
    }

    /** the service's prompts by name, without loading their audio */
    public List<Summary> list(long tenantId) {
        return em.createQuery("select new org.sangdam.prompt.PromptRepository$Summary(p.name, p.kind, p.durationMillis, p.uploadedBy, p.uploadedAt)"
                        + " from StoredPrompt p where p.tenantId = :tenant order by p.name", Summary.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    public boolean exists(long tenantId, String name) {
        return !em.createQuery("select p.id from StoredPrompt p where p.tenantId = :tenant and p.name = :name", Long.class)
                .setParameter("tenant", tenantId).setParameter("name", name).setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<StoredPrompt> find(long tenantId, String name) {
        return em.createQuery("select p from StoredPrompt p where p.tenantId = :tenant and p.name = :name", StoredPrompt.class)
                .setParameter("tenant", tenantId).setParameter("name", name).getResultStream().findFirst();
    }

    public StoredPrompt add(StoredPrompt prompt) {
        em.persist(prompt);
        return prompt;
    }

    public void remove(StoredPrompt prompt) {
        em.remove(prompt);
    }
}
