package org.hostarea.core.merge;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Moves one bundle's data of a merged account to the surviving one. Registered as an OSGi service with a
 * {@link #name()}; the merge refuses to run while a step it requires is not registered.
 */
@ConsumerType
public interface AccountMergeStep {

    /** What this step moves, e.g. {@code packages}. */
    String name();

    /**
     * Moves everything of {@code merge.fromAccountId()} to {@code merge.intoAccountId()}. Runs inside the caller's
     * transaction (all steps commit together or not at all) and is idempotent: run again, it finds nothing to move.
     */
    void merge(AccountMerge merge);
}
