package org.sangdam.bench.server;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.jboss.logging.Logger;
import org.sangdam.call.CallControl;
import org.sangdam.telephony.TelephonyGateway;
import org.sangdam.user.PasswordHasher;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The benchmark's side of the world: it plugs the bench phone network into the core,
 * seeds and CTI-logs-in the agents, makes customer calls arrive through
 * {@link CallControl} as the SIP layer would, and has each ringing agent answer, hang
 * up and go Ready again through the product's CTI service under the agent's own
 * identity (an Elytron run-as identity: no bcrypt per action).
 */
@Singleton
@LocalBean
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@DependsOn("sangdam-ejb.jar#TelephonyGateway")
@PermitAll
// no transaction of its own: every product call below is its own transaction, as from the network or the console
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BenchDesk implements BenchTelephony.Ringing {
    private static final Logger LOG = Logger.getLogger(BenchDesk.class);
    static final int PRIORITY = 2000;

    @EJB
    TelephonyGateway gateway;
    @EJB
    CallControl callControl;
    @EJB
    BenchSeeder seeder;
    @EJB
    AgentShift shift;
    @EJB
    BenchFigures figures;
    @Resource
    ManagedThreadFactory threads;

    private final BenchTelephony phones = new BenchTelephony(this);
    private final Map<String, SecurityIdentity> agentsByNumber = new ConcurrentHashMap<>();
    private final Map<String, Seed> seeds = new ConcurrentHashMap<>();
    private final Map<String, Burst> bursts = new ConcurrentHashMap<>();
    private volatile Burst current;

    public record Seed(String id, List<BenchSeeder.SeededService> services) {
        int agents() {
            return services.stream().mapToInt(s -> s.agents().size()).sum();
        }
    }

    @PostConstruct
    void plugIn() {
        gateway.register(phones, PRIORITY);
    }

    @PreDestroy
    void unplug() {
        gateway.unregister(phones);
        bursts.values().forEach(Burst::shutdown);
    }

    // ---- set-up --------------------------------------------------------------------

    public record SeedSummary(String seedId, int services, int agents, int loggedIn, List<String> dids, double seconds) {
    }

    public SeedSummary seed(int services, int agentsPerService, int recallSeconds) {
        long started = System.nanoTime();
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        int firstNumber = 100_000 + (int) seeder.countAgents();
        if (firstNumber + services * agentsPerService > 999_999) {
            throw new IllegalStateException("out of six-digit CTI numbers");
        }
        String hash = PasswordHasher.hash("bench-" + UUID.randomUUID());
        List<BenchSeeder.SeededService> created = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            // 02-7xxx-xxxx: Seoul numbers; the block follows the CTI numbers, so it is unique too
            int n = firstNumber / 100 + s;
            String did = String.format("02-7%03d-%04d", n / 10_000 % 1000, n % 10_000);
            created.add(seeder.createService("b" + tag + "s" + s, did, agentsPerService,
                    firstNumber + s * agentsPerService, recallSeconds, hash));
        }
        Seed seed = new Seed(tag, List.copyOf(created));
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            throw new IllegalStateException("no Elytron security domain on this thread; the bench WAR must run in domain 'sangdam'");
        }
        SecurityIdentity anonymous = domain.getAnonymousSecurityIdentity();
        for (BenchSeeder.SeededService s : created) {
            for (BenchSeeder.SeededAgent a : s.agents()) {
                agentsByNumber.put(a.ctiNumber(), anonymous.createRunAsIdentity(a.username(), false));
            }
        }
        // CTI login of every agent through the product (Ready at once: the services' initial status)
        int loggedIn = parallel(seed.agents(), 4, i -> {
            BenchSeeder.SeededAgent a = agentAt(seed, i);
            String state = as(agentsByNumber.get(a.ctiNumber()), shift::login);
            if (!"READY".equals(state)) {
                throw new IllegalStateException(a.username() + " is " + state + " after CTI login");
            }
        });
        seeds.put(tag, seed);
        return new SeedSummary(tag, services, seed.agents(), loggedIn,
                created.stream().map(BenchSeeder.SeededService::did).toList(), (System.nanoTime() - started) / 1e9);
    }

    private static BenchSeeder.SeededAgent agentAt(Seed seed, int i) {
        for (BenchSeeder.SeededService s : seed.services()) {
            if (i < s.agents().size()) {
                return s.agents().get(i);
            }
            i -= s.agents().size();
        }
        throw new IndexOutOfBoundsException(i);
    }

    private interface IndexedTask {
        void run(int i) throws Exception;
    }

    private int parallel(int n, int width, IndexedTask task) {
        ExecutorService pool = Executors.newFixedThreadPool(width, threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < width; t++) {
            pool.execute(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    try {
                        task.run(i);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        errors.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.size() + " failed, first: " + errors.getFirst(), errors.getFirst());
        }
        return done.get();
    }

    private static <T> T as(SecurityIdentity identity, java.util.function.Supplier<T> action) {
        try {
            return identity.runAs((PrivilegedExceptionAction<T>) action::get);
        } catch (PrivilegedActionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    // ---- a burst ---------------------------------------------------------------------

    /**
     * @param rate           arrivals per second over all arrival threads; 0: as fast as they go
     * @param oneTransaction answer, hang-up and Ready in one transaction instead of three
     * @param answer         false: phones ring but nobody answers until {@link #release}: routing alone, no agent work
     */
    public record BurstSpec(String seedId, int calls, int arrivalThreads, double rate, int agentThreads, boolean oneTransaction,
                            Boolean answer) {
        boolean answering() {
            return answer == null || answer;
        }
    }

    public record Progress(String burstId, int calls, int arrived, int arrivalFailures, int rung, long handled,
                           long agentFailures, int ringing, long foreignOffers, String firstError, boolean done, double seconds) {
    }

    final class Burst {
        final String id = UUID.randomUUID().toString().substring(0, 8);
        final BurstSpec spec;
        final Seed seed;
        final Map<Long, Instant> callIds = new ConcurrentHashMap<>();
        final Map<Long, Instant> rungAt = new ConcurrentHashMap<>();
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger arrived = new AtomicInteger();
        final AtomicInteger arrivalFailures = new AtomicInteger();
        final LongAdder offers = new LongAdder();
        final LongAdder handled = new LongAdder();
        final LongAdder agentFailures = new LongAdder();
        final LongAdder foreign = new LongAdder();
        final java.util.Queue<SecurityIdentity> ringing = new java.util.concurrent.ConcurrentLinkedQueue<>();
        volatile boolean released;
        volatile String firstError;
        final ExecutorService agents;
        final ExecutorService arrivals;
        final java.util.concurrent.ScheduledExecutorService later;
        final long startedNanos = System.nanoTime();

        Burst(BurstSpec spec, Seed seed) {
            this.spec = spec;
            this.seed = seed;
            this.agents = Executors.newFixedThreadPool(spec.agentThreads(), threads);
            this.arrivals = Executors.newFixedThreadPool(spec.arrivalThreads(), threads);
            this.later = Executors.newSingleThreadScheduledExecutor(threads);
        }

        void start() {
            List<String> dids = seed.services().stream().map(BenchSeeder.SeededService::did).toList();
            long t0 = System.nanoTime();
            for (int t = 0; t < spec.arrivalThreads(); t++) {
                arrivals.execute(() -> {
                    for (int i; (i = next.getAndIncrement()) < spec.calls(); ) {
                        if (spec.rate() > 0) {
                            long due = t0 + (long) (i * 1e9 / spec.rate());
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                        try {
                            String from = String.format("010-%04d-%04d", i / 10_000 % 10_000, i % 10_000);
                            long call = callControl.customerCallArrived(dids.get(i % dids.size()), from);
                            callIds.put(call, Instant.EPOCH);
                            arrived.incrementAndGet();
                        } catch (RuntimeException e) {
                            arrivalFailures.incrementAndGet();
                            error("arrival", e);
                        }
                    }
                });
            }
            arrivals.shutdown();
        }

        void rang(long callId, SecurityIdentity agent) {
            rungAt.putIfAbsent(callId, Instant.now());
            offers.increment();
            if (!spec.answering() && !released) {
                ringing.add(agent);
                return;
            }
            handle(agent);
        }

        /** the phones that rang unanswered pick up now */
        void release() {
            released = true;
            for (SecurityIdentity agent; (agent = ringing.poll()) != null; ) {
                handle(agent);
            }
        }

        private void handle(SecurityIdentity agent) {
            agents.execute(() -> {
                try {
                    as(agent, () -> {
                        if (spec.oneTransaction()) {
                            shift.handleCallInOneTransaction();
                        } else {
                            shift.handleCall();
                        }
                        return null;
                    });
                    handled.increment();
                } catch (RuntimeException e) {
                    agentFailures.increment();
                    error("agent", e);
                    recover(agent, 0);
                }
            });
        }

        /** the agent is put back to Ready, once its rung-out offer has been recalled */
        private void recover(SecurityIdentity agent, int attempt) {
            try {
                if (!"OFFERED".equals(as(agent, shift::recover))) {
                    return;
                }
            } catch (RuntimeException e) {
                error("agent recovery", e);
            }
            if (attempt < 1200) {
                later.schedule(() -> agents.execute(() -> recover(agent, attempt + 1)), 500, TimeUnit.MILLISECONDS);
            }
        }

        private void error(String what, RuntimeException e) {
            if (firstError == null) {
                firstError = what + ": " + e;
                LOG.warnf(e, "bench %s %s failed", id, what);
            }
        }

        Progress progress() {
            int rung = 0;
            for (Long c : callIds.keySet()) {
                if (rungAt.containsKey(c)) {
                    rung++;
                }
            }
            long settled = handled.sum() + agentFailures.sum() + ringing.size();
            boolean done = arrived.get() + arrivalFailures.get() == spec.calls() && rung == arrived.get()
                    && settled == offers.sum();
            return new Progress(id, spec.calls(), arrived.get(), arrivalFailures.get(), rung, handled.sum(),
                    agentFailures.sum(), ringing.size(), foreign.sum(), firstError, done, (System.nanoTime() - startedNanos) / 1e9);
        }

        void shutdown() {
            arrivals.shutdownNow();
            later.shutdownNow();
            agents.shutdown();
        }
    }

    @Override
    public void rang(long callId, String agentNumber) {
        Burst b = current;
        SecurityIdentity agent = agentNumber == null ? null : agentsByNumber.get(agentNumber);
        if (b == null || agent == null) {
            if (b != null) {
                b.foreign.increment();
            }
            return;
        }
        b.rang(callId, agent);
    }

    public Progress startBurst(BurstSpec spec) {
        Seed seed = seeds.get(spec.seedId());
        if (seed == null) {
            throw new IllegalArgumentException("no seed " + spec.seedId());
        }
        Burst previous = current;
        if (previous != null && !previous.progress().done()) {
            throw new IllegalStateException("burst " + previous.id + " is still running");
        }
        if (previous != null) {
            previous.shutdown();
        }
        Burst b = new Burst(spec, seed);
        bursts.put(b.id, b);
        current = b;
        b.start();
        return b.progress();
    }

    public Progress release(String burstId) {
        Burst b = burst(burstId);
        b.release();
        return b.progress();
    }

    public Progress progress(String burstId) {
        return burst(burstId).progress();
    }

    public BenchFigures.Figures figures(String burstId) {
        Burst b = burst(burstId);
        return figures.compute(b.callIds.keySet(), b.rungAt);
    }

    public record Readiness(int agents, long ready) {
    }

    /** how many of the seed's agents are Ready: all of them, between runs */
    public Readiness readiness(String seedId) {
        Seed seed = seeds.get(seedId);
        if (seed == null) {
            throw new IllegalArgumentException("no seed " + seedId);
        }
        return new Readiness(seed.agents(), seeder.countReady(seed.services().stream().map(BenchSeeder.SeededService::id).toList()));
    }

    /** the routing queue as the broker counts it (WildFly's management model over in-VM JMX) */
    public record RoutingQueue(long messages, long scheduled, long delivering, long added) {
    }

    public RoutingQueue routingQueue() {
        try {
            javax.management.MBeanServer jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            javax.management.ObjectName queue = new javax.management.ObjectName(
                    "jboss.as:subsystem=messaging-activemq,server=default,jms-queue=SangdamRouting");
            return new RoutingQueue(((Number) jmx.getAttribute(queue, "messageCount")).longValue(),
                    ((Number) jmx.getAttribute(queue, "scheduledCount")).longValue(),
                    ((Number) jmx.getAttribute(queue, "deliveringCount")).longValue(),
                    ((Number) jmx.getAttribute(queue, "messagesAdded")).longValue());
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("cannot read the routing queue's counters", e);
        }
    }

    private Burst burst(String burstId) {
        Burst b = bursts.get(burstId);
        if (b == null) {
            throw new IllegalArgumentException("no burst " + burstId);
        }
        return b;
    }
}
