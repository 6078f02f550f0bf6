package org.sangdam.routing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Reads a routing request and calls one routing method; the rules are in {@link RoutingService}.
 * No JTA transaction around the message: routing's own transaction holds the datasource
 * alone and commits in one phase. A routing run that fails is logged and not redelivered:
 * {@link RoutingSweeper} asks again within seconds.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = RoutingRequests.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@PermitAll
public class RoutingConsumer implements MessageListener {
    private static final Logger LOG = Logger.getLogger(RoutingConsumer.class);

    @EJB
    RoutingService routing;
    @Inject
    RoutingRequests requests;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onMessage(Message message) {
        try {
            long service = message.getLongProperty(RoutingRequests.SERVICE);
            String kind = message.getStringProperty(RoutingRequests.KIND);
            if (RoutingRequests.RECALL.equals(kind)) {
                routing.recall(service, message.getLongProperty(RoutingRequests.CALL),
                        Instant.ofEpochMilli(message.getLongProperty(RoutingRequests.DEADLINE)));
            } else if (RoutingRequests.CONSULT_RING_OUT.equals(kind)) {
                routing.consultRingOut(service, message.getLongProperty(RoutingRequests.CALL),
                        Instant.ofEpochMilli(message.getLongProperty(RoutingRequests.DEADLINE)));
            } else {
                requests.routeStarted(service); // before routing reads: a change committed from now on asks again
                routing.route(service);
            }
        } catch (JMSException e) {
            LOG.warnf("Unreadable routing request dropped: %s", e.toString());
        } catch (RuntimeException e) {
            LOG.warnf("Routing request failed (the routing sweep asks again): %s", e.toString());
        }
    }
}
