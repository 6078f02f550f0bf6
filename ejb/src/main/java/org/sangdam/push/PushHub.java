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
 * Hands committed {@link CtiNotice}s to whoever pushes them to browsers. The web
 * module registers its sender here: EJB code cannot inject the web tier's push
 * channels.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PushHub {
    private static final Logger LOG = Logger.getLogger(PushHub.class);
    private final List<Consumer<CtiNotice>> listeners = new CopyOnWriteArrayList<>();

    public void register(Consumer<CtiNotice> listener) {
        listeners.add(listener);
    }

    public void unregister(Consumer<CtiNotice> listener) {
        listeners.remove(listener);
    }

    public void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) CtiNotice notice) {
        for (Consumer<CtiNotice> l : listeners) {
            try {
                l.accept(notice);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Push listener failed for %s", notice.kind());
            }
        }
    }
}
