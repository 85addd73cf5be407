package org.hostarea.packages.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.hostarea.packages.PackageEvent;
import org.hostarea.packages.PackageListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PackageListener} whiteboard: listeners come and go at run time; one that fails does not stop the others.
 * Listeners hear of a change only once it is committed: a change made inside a caller's transaction (a billing job, a
 * form's executor) is told after that transaction commits, and never if it rolls back. They are then called on a
 * thread of their own, outside the finished transaction (they may open their own), while the committing thread waits
 * for them, so the caller still sees their effects when it returns, and holds no locks meanwhile.
 */
@Component(service = PackageEvents.class)
public class PackageEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PackageEvents.class);
    private static final long DELIVERY_TIMEOUT_SECONDS = 60;

    private final List<PackageListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService afterCommit = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hostarea-package-events");
        thread.setDaemon(true);
        return thread;
    });

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionSynchronizationRegistry transactions;

    @Deactivate
    void stop() {
        afterCommit.shutdown();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(PackageListener listener) {
        listeners.add(listener);
    }

    void removeListener(PackageListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener, in order: now if no transaction is running, else once the running one has committed. */
    void publish(List<PackageEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        TransactionSynchronizationRegistry registry = transactions;
        int status = registry == null ? Status.STATUS_NO_TRANSACTION : registry.getTransactionStatus();
        if (status == Status.STATUS_MARKED_ROLLBACK || status == Status.STATUS_ROLLING_BACK || status == Status.STATUS_ROLLEDBACK) {
            return; // the change will not happen
        }
        if (status != Status.STATUS_ACTIVE) {
            deliver(events);
            return;
        }
        List<PackageEvent> pending = List.copyOf(events);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return; // rolled back: nothing happened
                }
                Future<?> delivery;
                try {
                    delivery = afterCommit.submit(() -> deliver(pending));
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    deliver(pending); // the bundle is stopping: tell them on this thread rather than not at all
                    return;
                }
                try {
                    delivery.get(DELIVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    LOG.warn("package events after commit not delivered in time: {}", e.toString());
                }
            }
        });
    }

    private void deliver(List<PackageEvent> events) {
        for (PackageEvent event : events) {
            for (PackageListener listener : listeners) {
                try {
                    listener.packageChanged(event);
                } catch (RuntimeException e) {
                    LOG.warn("package listener {} failed on {} of package {}", listener, event.type(), event.packageId(), e);
                }
            }
        }
    }
}
