package org.sangdam.routing;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import org.sangdam.routing.domain.PendingRoutes;
import org.sangdam.routing.domain.RoutingBatch;
import org.sangdam.routing.domain.RoutingRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/**
 * Asks the routing consumer to work, through the broker inside WildFly. Each message carries
 * the service as its JMS message group, so one service's routing runs one message at a time.
 * Recalls and consultation ring-outs are the same messages with a delivery delay.
 * <p>
 * Requests made in a transaction are collected and sent only once it committed (nothing for
 * one that rolled back), with a plain non-XA session: the broker is no part of the CTI
 * transactions, which commit in one phase on the datasource alone. Route requests coalesce
 * ({@link RoutingBatch}, {@link PendingRoutes}). Every message is non-persistent: after a
 * restart {@link RoutingRecovery} re-arms routing, recalls and ring-outs from the database,
 * and {@link RoutingSweeper} makes up for a message lost meanwhile.
 */
@ApplicationScoped
public class RoutingRequests {
    private static final Logger LOG = Logger.getLogger(RoutingRequests.class);
    public static final String QUEUE = "java:/jms/queue/sangdam/routing";
    static final String KIND = "kind";
    static final String SERVICE = "serviceId";
    static final String CALL = "callId";
    static final String DEADLINE = "deadline";
    static final String ROUTE = "route";
    static final String RECALL = "recall";
    static final String CONSULT_RING_OUT = "consult-ring-out";
    /** a recall arriving a hair early would only be sent again */
    private static final Duration LATE_MARGIN = Duration.ofMillis(20);
    /** a route request not taken up within this long is presumed lost: the next change sends another */
    static final Duration PENDING_STALE = Duration.ofSeconds(10);
    private static final Object BATCH = new Object();

    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory factory;
    @Resource(lookup = QUEUE)
    Queue queue;

    private final PendingRoutes pending = new PendingRoutes(PENDING_STALE);
    private final ConcurrentLinkedDeque<Sender> senders = new ConcurrentLinkedDeque<>();
    private Connection connection;

    public void routeSoon(long serviceId) {
        request(RoutingRequest.route(serviceId));
    }

    public void recallAt(long serviceId, long callId, Instant deadline) {
        request(RoutingRequest.recall(serviceId, callId, deadline));
    }

    /** issue 7: a consulted agent's phone rings at most until {@code deadline} (the service's recall time) */
    public void consultRingOutAt(long serviceId, long callId, Instant deadline) {
        request(RoutingRequest.consultRingOut(serviceId, callId, deadline));
    }

    /** the consumer takes up a route request of the service: it reads the database after this */
    void routeStarted(long serviceId) {
        pending.started(serviceId);
    }

    private void request(RoutingRequest request) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            RoutingBatch now = new RoutingBatch();
            now.add(request);
            send(now);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for rollback: nothing will be committed to route
        }
        RoutingBatch batch = (RoutingBatch) transactions.getResource(BATCH);
        if (batch == null) {
            batch = new RoutingBatch();
            transactions.putResource(BATCH, batch);
            transactions.registerInterposedSynchronization(new SendAfterCommit(batch, this::send));
        }
        batch.add(request);
    }

    /** Sends a transaction's batch once, and only if the transaction committed. */
    record SendAfterCommit(RoutingBatch batch, Consumer<RoutingBatch> send) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED && !batch.isEmpty()) {
                send.accept(batch);
            }
        }
    }

    private void send(RoutingBatch batch) {
        Instant now = Instant.now();
        List<RoutingRequest> requests = batch.toSend(pending, now);
        if (requests.isEmpty()) {
            return;
        }
        Sender sender = null;
        int sent = 0;
        try {
            sender = senders.pollFirst();
            if (sender == null) {
                sender = new Sender(connection().createSession(false, Session.AUTO_ACKNOWLEDGE));
            }
            for (RoutingRequest r : requests) {
                sender.send(r, queue, now);
                sent++;
            }
            senders.offerFirst(sender);
        } catch (JMSException | RuntimeException e) {
            // the database is committed; the sweep makes up for what could not be asked
            LOG.warnf("Could not send %d routing request(s) (%s); the routing sweep will catch up", requests.size() - sent, e.toString());
            requests.subList(sent, requests.size()).stream().filter(r -> r.kind() == RoutingRequest.Kind.ROUTE)
                    .forEach(r -> pending.notSent(r.service(), now));
            if (sender != null) {
                sender.close();
            }
            resetConnection();
        }
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            Connection c = factory.createConnection();
            c.setExceptionListener(e -> resetConnection());
            connection = c;
        }
        return connection;
    }

    private synchronized void resetConnection() {
        Sender s;
        while ((s = senders.pollFirst()) != null) {
            s.close();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    @PreDestroy
    void close() {
        resetConnection();
    }

    /** a session with its producer, used by one thread at a time */
    private record Sender(Session session, MessageProducer producer) {
        Sender(Session session) throws JMSException {
            this(session, session.createProducer(null));
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        }

        void send(RoutingRequest r, Queue queue, Instant now) throws JMSException {
            Message m = session.createMessage();
            m.setStringProperty(KIND, switch (r.kind()) {
                case ROUTE -> ROUTE;
                case RECALL -> RECALL;
                case CONSULT_RING_OUT -> CONSULT_RING_OUT;
            });
            m.setLongProperty(SERVICE, r.service());
            m.setStringProperty("JMSXGroupID", "service-" + r.service());
            long delay = 0;
            if (r.call() != null) {
                m.setLongProperty(CALL, r.call());
                m.setLongProperty(DEADLINE, r.deadline().toEpochMilli());
                delay = Math.max(0, Duration.between(now, r.deadline()).plus(LATE_MARGIN).toMillis());
            }
            producer.setDeliveryDelay(delay);
            producer.send(queue, m);
        }

        void close() {
            try {
                session.close();
            } catch (JMSException | RuntimeException ignored) {
                // the connection is going anyway
            }
        }
    }
}
