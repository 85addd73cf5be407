package org.hostarea.core.merge;

import java.util.Objects;

/**
 * One merge of customer numbers: everything of {@code fromAccountId} moves to {@code intoAccountId}, which survives.
 *
 * @param reference a stable key of the merge (the request id), for entries that must be written once
 * @param actor who approved it, for audit trails
 */
public record AccountMerge(String fromAccountId, String intoAccountId, String reference, String actor) {

    public AccountMerge {
        Objects.requireNonNull(fromAccountId, "fromAccountId");
        Objects.requireNonNull(intoAccountId, "intoAccountId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(actor, "actor");
        if (fromAccountId.equals(intoAccountId)) {
            throw new IllegalArgumentException("an account cannot be merged into itself");
        }
    }
}
