package org.hostarea.forms.spi;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.hostarea.core.access.Permission;
import org.hostarea.identity.ClientInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of request, registered as an OSGi service by the bundle that owns what it changes (packages registers
 * CANCELLATION and DOWNGRADE, ...). The forms bundle runs the workflow; the type checks the payload and executes.
 */
@ConsumerType
public interface FormType {

    /** A stable id in upper case, e.g. {@code CANCELLATION}. */
    String id();

    String description();

    /** What a customer-side subject needs to submit it. */
    Permission permission();

    /** Whether staff decide; without review it is executed as soon as it is submitted. */
    boolean reviewRequired();

    /**
     * Checks the payload for the account and answers it as it will be stored (normalized, unknown keys refused).
     *
     * @throws org.hostarea.core.ValidationException naming each bad field ({@code payload.<key>})
     * @throws org.hostarea.core.DomainException for a rule the account breaks (e.g. 404 for a package of another account)
     */
    Map<String, Object> validate(String accountId, Map<String, Object> payload);

    /**
     * As {@link #validate(String, Map)}, for a type whose check is a proof counted by brute-force protection (the
     * caller's address is one of the counters).
     */
    default Map<String, Object> validate(String accountId, Map<String, Object> payload, ClientInfo client) {
        return validate(accountId, payload);
    }

    /**
     * Whether only the account holder may submit it (not an invited user, whatever they were granted): contract-level
     * requests. Asked with the payload as submitted, before it is validated.
     */
    default boolean holderOnly(Map<String, Object> payload) {
        return false;
    }

    /** The other party of a validated request, told of every change of state (and asked to accept, if needed). */
    default Optional<Party> otherParty(Map<String, Object> payload) {
        return Optional.empty();
    }

    /** Whether the other party must accept before staff may approve (declining rejects the request). */
    default boolean acceptanceRequired(Map<String, Object> payload) {
        return false;
    }

    /**
     * The receiving account accepts with what it has to add (e.g. the package a domain goes to): checked here for that
     * account, and answered as the payload to store.
     *
     * @throws org.hostarea.core.ValidationException naming each bad field ({@code payload.<key>})
     */
    default Map<String, Object> accepted(Map<String, Object> payload, String partyAccountId, Map<String, Object> answer) {
        if (answer != null && !answer.isEmpty()) {
            throw org.hostarea.core.ValidationException.of("payload", "this request takes no data with its acceptance");
        }
        return payload;
    }

    /** How many documents must be attached before staff may approve. */
    default int attachmentsRequired(Map<String, Object> payload) {
        return 0;
    }

    /** The day from which an approved request is carried out ({@code null}: at once). */
    default LocalDate executeOn(Map<String, Object> payload) {
        return null;
    }

    /**
     * Carries the approved request out. Runs inside the transaction that marks it EXECUTED, so it commits with it or
     * not at all; it must be idempotent (a retry after a failure, or a second call, changes nothing more).
     */
    void execute(FormExecution execution);
}
