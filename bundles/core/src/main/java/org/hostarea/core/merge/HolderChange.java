package org.hostarea.core.merge;

import java.util.Objects;

/**
 * The contract of an account passed to a new holder: what belonged to the old holder as a person (stored payment
 * methods, the users they invited, the package passwords they set) leaves the account.
 *
 * @param reference a stable key of the change (the request id)
 * @param actor who approved it, for audit trails
 */
public record HolderChange(String accountId, String reference, String actor) {

    public HolderChange {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(actor, "actor");
    }
}
