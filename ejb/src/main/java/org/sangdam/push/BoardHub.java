package org.sangdam.push;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands committed {@link ServiceStatusChange}s to the web tier, which tells the
 * service's open status boards; like {@link PushHub}, because EJB code cannot
 * reach the web tier's sockets.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BoardHub {
    private static final Logger LOG = Logger.getLogger(BoardHub.class);
    private final List<Consumer<ServiceStatusChange>> listeners = new CopyOnWriteArrayList<>();

    public void register(Consumer<ServiceStatusChange> listener) {
        listeners.add(listener);
    }

    public void unregister(Consumer<ServiceStatusChange> listener) {
        listeners.remove(listener);
    }

    public void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServiceStatusChange change) {
        for (Consumer<ServiceStatusChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Board listener failed for service %d", change.serviceId());
            }
        }
    }
}
