package org.sangdam.routing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.time.Instant;

/** Reads a routing request and calls one routing method; the rules are in {@link RoutingService}. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = RoutingRequests.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@PermitAll
public class RoutingConsumer implements MessageListener {
    @EJB
    RoutingService routing;

    @Override
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
                routing.route(service);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable routing request", e);
        }
    }
}
