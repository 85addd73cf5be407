package org.hostarea.packages.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hostarea.packages.PackageEvent;
import org.hostarea.packages.PackageListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link PackageListener} whiteboard: listeners come and go at run time; one that fails does not stop the others. */
@Component(service = PackageEvents.class)
public class PackageEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PackageEvents.class);

    private final List<PackageListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(PackageListener listener) {
        listeners.add(listener);
    }

    void removeListener(PackageListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener, in order; call it after the events' transaction committed. */
    void publish(List<PackageEvent> events) {
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
