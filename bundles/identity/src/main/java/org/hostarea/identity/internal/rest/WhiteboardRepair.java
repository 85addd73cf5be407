package org.hostarea.identity.internal.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.hostarea.core.rest.HostareaApi;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back a Hostarea route that the JAX-RS whiteboard dropped for good. Aries JAX-RS 2.0.2 rebuilds the
 * application for every service that comes or goes; when such a rebuild throws, or a service object cannot be got
 * at that moment, it marks the service being added as failed and never tries it again while it stays registered. A
 * bundle-wide start (a {@code feature:install} into a running Karaf, a cold start) can hit that, and the route then
 * answers 404 until the next restart. Worse, a service registered while another thread changes the whiteboard's
 * trackers can be lost altogether (a ConcurrentModificationException in component-dsl 1.2.2, seen in a stock Karaf
 * install). This watches the whiteboard and the whiteboard services: once they have been quiet for {@link #QUIET},
 * every service of the Hostarea application the whiteboard gave up on (failure reasons UNKNOWN and
 * SERVICE_NOT_GETTABLE), or has not known for {@link #UNTRACKED_GRACE}, is registered anew by disabling and enabling its
 * DS component, at most {@link #ATTEMPTS} times per component within
 * {@link #WINDOW}; a component that fails that often is left to the operator (an ERROR in the log, and the
 * {@code unserved} list of {@code GET /api/v1/admin/routes}).
 */
@Component(immediate = true)
public class WhiteboardRepair {

    static final Duration QUIET = Duration.ofSeconds(3);
    /** How long a service may stay unknown to the whiteboard before it counts as lost (a slow rebuild is not a loss). */
    static final Duration UNTRACKED_GRACE = Duration.ofSeconds(20);
    static final int ATTEMPTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardRepair.class);

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "hostarea-whiteboard-repair");
        thread.setDaemon(true);
        return thread;
    });
    private final ServiceListener listener = event -> schedule(QUIET);
    // the maps below are touched by the executor's thread only
    /** Per component ("bundle id/component name"): when it was registered anew, oldest first. */
    private final Map<String, Deque<Instant>> repairs = new HashMap<>();
    /** Per component: when the repair gave up on it (tried again once that is {@link #WINDOW} ago). */
    private final Map<String, Instant> givenUp = new HashMap<>();
    /** Services the whiteboard does not know, with when that was first seen. */
    private Map<Long, Instant> unknownSince = Map.of();
    /** Failed services that are not repaired (not a single DS component), reported once each. */
    private final Set<Long> reported = new HashSet<>();
    private ScheduledFuture<?> pending;
    private boolean closed;

    @Activate
    public WhiteboardRepair(BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) throws InvalidSyntaxException {
        this.context = context;
        this.scr = scr;
        this.clock = clock;
        executor.setRemoveOnCancelPolicy(true);
        context.addServiceListener(listener, "(|(objectClass=" + JaxrsServiceRuntime.class.getName() + ")("
                + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)(" + JaxrsWhiteboardConstants.JAX_RS_EXTENSION + "=true)("
                + JaxrsWhiteboardConstants.JAX_RS_NAME + "=" + HostareaApi.NAME + "))");
        schedule(QUIET);
    }

    @Deactivate
    synchronized void stop() {
        closed = true;
        context.removeServiceListener(listener);
        executor.shutdownNow();
    }

    /** Every change of the whiteboard (its change count is a service property) or of a whiteboard service postpones the check. */
    private synchronized void schedule(Duration delay) {
        if (closed) {
            return; // an event delivered after the listener was removed
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = executor.schedule(this::check, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized boolean closed() {
        return closed;
    }

    private void check() {
        try {
            ServiceReference<JaxrsServiceRuntime> reference = context.getServiceReference(JaxrsServiceRuntime.class);
            if (reference == null) {
                return;
            }
            List<ServiceReference<?>> registered = WhiteboardFailures.registered(context, reference);
            JaxrsServiceRuntime runtime = context.getService(reference);
            if (runtime == null) {
                return;
            }
            RuntimeDTO dto;
            try {
                dto = runtime.getRuntimeDTO();
            } finally {
                context.ungetService(reference);
            }
            Instant now = clock.instant();
            Map<Long, Instant> unknown = new HashMap<>();
            for (WhiteboardFailures.Failure failure : WhiteboardFailures.of(dto, this::reference, registered)) {
                if (failure.reason() == WhiteboardFailures.UNTRACKED) {
                    Instant since = unknownSince.getOrDefault(failure.serviceId(), now);
                    if (since.plus(UNTRACKED_GRACE).isAfter(now)) {
                        unknown.put(failure.serviceId(), since); // perhaps still being added: look again later
                        continue;
                    }
                }
                if (failure.stuck()) {
                    repair(failure, now);
                }
            }
            unknownSince = unknown;
            if (!unknown.isEmpty()) {
                schedule(QUIET);
            }
        } catch (RuntimeException e) {
            // the runtime may be describing services that are going away; the change that follows schedules a new check
            LOG.debug("whiteboard check failed: {}", e.toString());
        }
    }

    private void repair(WhiteboardFailures.Failure failure, Instant now) {
        ServiceReference<?> reference = reference(failure.serviceId());
        Bundle bundle = reference == null ? null : reference.getBundle();
        if (bundle == null || bundle.getState() != Bundle.ACTIVE) {
            return; // going away: nothing to bring back
        }
        Object name = reference.getProperty(ComponentConstants.COMPONENT_NAME);
        ComponentDescriptionDTO description = name == null ? null : scr.getComponentDescriptionDTO(bundle, name.toString());
        if (description == null || description.factory != null || scr.getComponentConfigurationDTOs(description).size() > 1) {
            // not DS, a factory component or one with several configurations: toggling it would touch healthy instances too
            if (reported.add(failure.serviceId())) {
                LOG.error("The JAX-RS whiteboard does not serve the {}; it is not a single DS component instance, so it is not "
                        + "registered anew: restart bundle {}", failure.describe(), bundle.getSymbolicName());
            }
            return;
        }
        String key = bundle.getBundleId() + "/" + description.name;
        Instant gaveUp = givenUp.get(key);
        if (gaveUp != null) {
            if (gaveUp.plus(WINDOW).isAfter(now)) {
                return; // said so already
            }
            givenUp.remove(key);
            repairs.remove(key);
        }
        Deque<Instant> attempts = repairs.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!attempts.isEmpty() && attempts.peekFirst().plus(WINDOW).isBefore(now)) {
            attempts.removeFirst();
        }
        if (attempts.size() >= ATTEMPTS) {
            givenUp.put(key, now);
            LOG.error("The JAX-RS whiteboard does not serve the {}, also after registering component {} anew {} times; "
                    + "see the errors above", failure.describe(), description.name, ATTEMPTS);
            return;
        }
        attempts.addLast(now);
        LOG.warn("The JAX-RS whiteboard does not serve the {}: registering component {} of {} anew", failure.describe(),
                description.name, bundle.getSymbolicName());
        scr.disableComponent(description).onResolve(() -> {
            if (!closed()) {
                scr.enableComponent(description);
            }
        });
    }

    private ServiceReference<?> reference(long serviceId) {
        return WhiteboardFailures.reference(context, serviceId);
    }
}
