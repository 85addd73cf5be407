package org.hostarea.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.notifications.spi.Delivery;
import org.hostarea.notifications.spi.DeliveryException;
import org.hostarea.notifications.spi.NotificationChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued messages through the {@link NotificationChannel} plugins that are installed right now.
 * Channels are bound dynamically: a message whose channel is missing simply waits; when one appears the
 * dispatcher wakes and sends. Each message is claimed with a database lease, so two dispatchers (two
 * nodes) never deliver it at the same time, and a dispatcher that dies only delays it until the lease
 * expires. Delivery runs on the dispatcher's own threads, never on a request thread. Failed attempts
 * are retried with exponential backoff and end FAILED after the configured number of attempts.
 */
@Component(service = Dispatcher.class, immediate = true, configurationPid = NotificationsConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<String, NotificationChannel> channels = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final String node = "dispatcher-" + UUID.randomUUID();
    private final JpaTemplate jpa;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration lease;
    private final int batchSize;
    private final ScheduledExecutorService poller;
    private final ExecutorService workers;

    @Activate
    public Dispatcher(@Reference(target = "(osgi.unit.name=notifications)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, NotificationsConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.backoff = new Backoff(config.retry_maxAttempts(), Duration.ofSeconds(config.retry_initialDelaySeconds()),
                Duration.ofSeconds(config.retry_maxDelaySeconds()));
        this.lease = Duration.ofSeconds(config.dispatcher_leaseSeconds());
        this.batchSize = config.dispatcher_batchSize();
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> thread(runnable, "hostarea-dispatcher"));
        this.workers = Executors.newFixedThreadPool(config.dispatcher_threads(), runnable -> thread(runnable, "hostarea-delivery"));
        poller.scheduleWithFixedDelay(this::poll, config.dispatcher_pollIntervalMillis(),
                config.dispatcher_pollIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() throws InterruptedException {
        poller.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindChannel(NotificationChannel channel) {
        NotificationChannel previous = channels.putIfAbsent(channel.type(), channel);
        if (previous != null) {
            LOG.warn("a second '{}' channel ({}) is ignored while {} is installed", channel.type(), channel, previous);
            return;
        }
        LOG.info("channel '{}' available", channel.type());
        wake();
    }

    void unbindChannel(NotificationChannel channel) {
        if (channels.remove(channel.type(), channel)) {
            LOG.info("channel '{}' gone; its messages wait", channel.type());
        }
    }

    /** Looks for due messages now instead of at the next poll. */
    void wake() {
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    void poll() {
        try {
            int room = batchSize - inFlight.size();
            List<String> types = new ArrayList<>(channels.keySet());
            if (room <= 0 || types.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            List<String> due = jpa.txExpr(TransactionType.Required, em -> Messages.due(em, types, now.toEpochMilli(), room));
            for (String id : due) {
                if (!inFlight.contains(id) && claim(id, now)) {
                    inFlight.add(id);
                    workers.execute(() -> deliver(id));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("dispatcher poll failed: {}", e.toString());
        }
    }

    private boolean claim(String id, Instant now) {
        return jpa.txExpr(TransactionType.Required,
                em -> Messages.claim(em, id, node, now.toEpochMilli(), now.plus(lease).toEpochMilli()));
    }

    private void deliver(String id) {
        try {
            MessageEntity message = jpa.txExpr(TransactionType.Supports, em -> em.find(MessageEntity.class, id));
            if (message == null) {
                return; // purged meanwhile
            }
            NotificationChannel channel = channels.get(message.channel());
            if (channel == null) {
                jpa.tx(TransactionType.Required, em -> Messages.release(em, id, node));
                return;
            }
            Delivery delivery = message.toDelivery();
            try {
                channel.deliver(delivery);
                complete(id, null, false);
            } catch (DeliveryException e) {
                complete(id, e.getMessage(), e.permanent());
            } catch (RuntimeException e) {
                complete(id, e.toString(), false);
            }
        } catch (RuntimeException e) {
            LOG.warn("delivery of message {} could not be recorded: {}", id, e.toString());
        } finally {
            inFlight.remove(id);
        }
    }

    /** Records the outcome, unless this dispatcher lost the lease meanwhile (then the new holder decides). */
    private void complete(String id, String error, boolean permanent) {
        jpa.tx(TransactionType.Required, em -> {
            MessageEntity message = em.find(MessageEntity.class, id);
            if (message == null || !node.equals(message.leaseOwner())) {
                LOG.warn("message {}: lease lost before the outcome was recorded", id);
                return;
            }
            Instant now = clock.instant();
            if (error == null) {
                message.sent(now);
                return;
            }
            Duration delay = permanent ? null : backoff.next(message.attempts() + 1);
            message.attemptFailed(error, delay == null ? null : now.plus(delay));
            if (delay == null) {
                LOG.warn("message {} FAILED after {} attempts: {}", id, message.attempts(), error);
            }
        });
    }

    private static Thread thread(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
