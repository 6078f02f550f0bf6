package org.sangdam.b2bua;

import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * One call's work for the CTI core, run in the order it was handed in, one task at a
 * time, on a shared executor (the container's managed executor): no thread per call,
 * and no JAIN-SIP thread ever waits for the core's transaction (issue 5's set-up
 * rate). While a task runs, later ones wait in this queue; when it ends, the next is
 * handed to the executor. A task that throws is logged and the next one still runs.
 */
final class CallEvents implements Executor {
    private static final Logger LOG = Logger.getLogger(CallEvents.class);

    private final Executor executor;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    /** a task of this call is running or handed to the executor */
    private boolean busy;

    CallEvents(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (waiting) {
            if (busy) {
                waiting.add(task);
                return;
            }
            busy = true;
        }
        start(task);
    }

    private void start(Runnable task) {
        try {
            executor.execute(() -> runFrom(task));
        } catch (RuntimeException e) {
            // the executor refused (shutting down): run here rather than lose the call's event
            LOG.warnf("executor refused a call event, running it on the caller's thread: %s", e.getMessage());
            runFrom(task);
        }
    }

    private void runFrom(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "a call event failed");
        }
        Runnable next;
        synchronized (waiting) {
            next = waiting.poll();
            if (next == null) {
                busy = false;
                return;
            }
        }
        start(next);
    }
}
