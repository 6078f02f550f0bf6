package org.sangdam.bench.server;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures, read back from the product's own audit trail: per call, the first
 * OFFER_MADE.at minus ENQUEUED.at (both stamped by the core inside its transactions),
 * and, from the bench phone, when the offer reached the network (after routing's commit).
 */
@Stateless
@PermitAll
public class BenchFigures {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    /** latencies in milliseconds */
    public record Latency(int calls, double p50, double p95, double p99, double max, double mean) {
        static Latency of(List<Long> micros) {
            long[] v = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            if (v.length == 0) {
                return new Latency(0, 0, 0, 0, 0, 0);
            }
            return new Latency(v.length, pct(v, 50), pct(v, 95), pct(v, 99), v[v.length - 1] / 1000.0,
                    Arrays.stream(v).average().orElse(0) / 1000.0);
        }

        /** nearest rank */
        private static double pct(long[] sorted, int p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1000.0;
        }
    }

    public record Figures(int calls, int offered, double seconds, double offersPerSecond, double arrivalsPerSecond,
                          Latency queuedToOffer, Latency queuedToRing, int routingBatches, double callsPerBatch,
                          int reoffered, long ended) {
    }

    public Figures compute(Collection<Long> callIds, Map<Long, Instant> rungAt) {
        Set<Long> ours = new HashSet<>(callIds);
        long lo = ours.stream().mapToLong(Long::longValue).min().orElse(0);
        long hi = ours.stream().mapToLong(Long::longValue).max().orElse(-1);
        List<Object[]> rows = em.createQuery("select e.callId, e.event, e.at from CallEventRecord e"
                        + " where e.callId between :lo and :hi and e.event in ('ENQUEUED', 'OFFER_MADE')", Object[].class)
                .setParameter("lo", lo).setParameter("hi", hi).getResultList();
        Map<Long, Instant> queued = new HashMap<>();
        Map<Long, Instant> offered = new HashMap<>();
        Map<Instant, Integer> batches = new HashMap<>();
        Map<Long, Integer> offers = new HashMap<>();
        for (Object[] r : rows) {
            long call = (Long) r[0];
            if (!ours.contains(call)) {
                continue;
            }
            Instant at = (Instant) r[2];
            if ("ENQUEUED".equals(r[1])) {
                queued.put(call, at);
            } else {
                offered.merge(call, at, (a, b) -> a.isBefore(b) ? a : b);
                offers.merge(call, 1, Integer::sum);
                // one routing run stamps all the offers it makes with the same instant
                batches.merge(at, 1, Integer::sum);
            }
        }
        List<Long> toOffer = new ArrayList<>();
        List<Long> toRing = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        Instant lastQueued = null;
        for (Map.Entry<Long, Instant> q : queued.entrySet()) {
            Instant enq = q.getValue();
            first = first == null || enq.isBefore(first) ? enq : first;
            lastQueued = lastQueued == null || enq.isAfter(lastQueued) ? enq : lastQueued;
            Instant off = offered.get(q.getKey());
            if (off != null) {
                toOffer.add(micros(enq, off));
                last = last == null || off.isAfter(last) ? off : last;
            }
            Instant rang = rungAt.get(q.getKey());
            if (rang != null) {
                toRing.add(micros(enq, rang));
            }
        }
        double seconds = first == null || last == null ? 0 : micros(first, last) / 1e6;
        double arrivalSeconds = first == null ? 0 : micros(first, lastQueued) / 1e6;
        long ended = em.createQuery("select count(c) from PhoneCall c where c.id between :lo and :hi and c.state = 'ENDED'", Long.class)
                .setParameter("lo", lo).setParameter("hi", hi).getSingleResult();
        int reoffered = (int) offers.values().stream().filter(n -> n > 1).count();
        return new Figures(queued.size(), offered.size(), seconds, seconds == 0 ? 0 : offered.size() / seconds,
                arrivalSeconds == 0 ? 0 : queued.size() / arrivalSeconds,
                Latency.of(toOffer), Latency.of(toRing), batches.size(),
                batches.isEmpty() ? 0 : batches.values().stream().mapToInt(Integer::intValue).sum() / (double) batches.size(),
                reoffered, ended);
    }

    private static long micros(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() * 1_000_000 + d.getNano() / 1_000;
    }
}
