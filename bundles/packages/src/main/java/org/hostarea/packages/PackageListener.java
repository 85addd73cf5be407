package org.hostarea.packages;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: every registered listener hears about each {@link PackageEvent} after the change that caused
 * it has committed. A listener that fails is logged and skipped; it does not undo the change. Listeners
 * that must not miss anything (a node may stop between the commit and the call) also read
 * {@link PackageService#events}, which is the durable record.
 */
@ConsumerType
public interface PackageListener {

    void packageChanged(PackageEvent event);
}
