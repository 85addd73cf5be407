package org.hostarea.core.merge;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Removes one bundle's share of what the old holder of an account brought as a person, when the contract passes to a
 * new holder. Registered as an OSGi service with a {@link #name()}; the change refuses to run while a step it requires
 * is not registered.
 */
@ConsumerType
public interface HolderChangeStep {

    /** What this step removes, e.g. {@code billing}. */
    String name();

    /** Runs inside the caller's transaction; idempotent (run again, it finds nothing to remove). */
    void holderChanged(HolderChange change);
}
