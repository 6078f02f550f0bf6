package org.sangdam.routing;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import java.time.Duration;
import java.time.Instant;

/**
 * Asks the routing consumer to work, through the broker inside WildFly. Each
 * message carries the service as its JMS message group, so one service's routing
 * runs one message at a time (across a cluster too). Recalls are the same messages
 * with a delivery delay: persistent, so a pending recall survives a restart (route
 * requests are not: {@link RoutingRecovery} re-asks after a restart). Sent in
 * the caller's transaction (XA), so nothing is asked for a change that rolled back.
 */
@Stateless
@LocalBean
@PermitAll
public class RoutingRequests {
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

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;
    @Resource(lookup = QUEUE)
    Queue queue;

    public void routeSoon(long serviceId) {
        send(ROUTE, serviceId, null, null, 0);
    }

    public void recallAt(long serviceId, long callId, Instant deadline) {
        long delay = Math.max(0, Duration.between(Instant.now(), deadline).plus(LATE_MARGIN).toMillis());
        send(RECALL, serviceId, callId, deadline, delay);
    }

    /** issue 7: a consulted agent's phone rings at most until {@code deadline} (the service's recall time) */
    public void consultRingOutAt(long serviceId, long callId, Instant deadline) {
        long delay = Math.max(0, Duration.between(Instant.now(), deadline).plus(LATE_MARGIN).toMillis());
        send(CONSULT_RING_OUT, serviceId, callId, deadline, delay);
    }

    private void send(String kind, long serviceId, Long callId, Instant deadline, long delayMillis) {
        Message m = jms.createMessage();
        try {
            m.setStringProperty(KIND, kind);
            m.setLongProperty(SERVICE, serviceId);
            m.setStringProperty("JMSXGroupID", "service-" + serviceId);
            if (callId != null) {
                m.setLongProperty(CALL, callId);
                m.setLongProperty(DEADLINE, deadline.toEpochMilli());
            }
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        // a route request is not worth a journal write: RoutingRecovery asks again for every service with
        // waiting calls after a restart; a recall carries an offer's deadline and stays persistent
        int mode = RECALL.equals(kind) ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT;
        jms.createProducer().setDeliveryMode(mode).setDeliveryDelay(delayMillis).send(queue, m);
    }
}
