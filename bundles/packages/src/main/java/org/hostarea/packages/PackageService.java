package org.hostarea.packages;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The customers' packages. Customer-side methods take the account the authorization service granted and
 * answer 404 ({@code package-not-found}) for a package of any other account. {@code actor} names who acts,
 * for the event log. Every change of a package takes a write lock on its row, so two changes never both
 * apply to the same state.
 */
@ProviderType
public interface PackageService {

    // --- customer side -------------------------------------------------------------------------------

    Page<CustomerPackage> packages(String accountId, PackageStatus status, PageRequest page);

    CustomerPackage get(String accountId, String packageId);

    /** @throws org.hostarea.core.NotFoundException unless the package is the account's */
    void requireOwned(String accountId, String packageId);

    PackageTechnical technical(String accountId, String packageId);

    /**
     * Sets technical settings (only the keys given; an empty value resets a key to its default).
     *
     * @throws org.hostarea.core.ValidationException for a key the package type does not have or a bad value
     */
    Map<String, String> updateSettings(String accountId, String packageId, Map<String, String> settings, String actor);

    List<Domain> domains(String accountId, String packageId);

    /** @throws org.hostarea.core.NotFoundException ({@code domain-not-found}) unless the domain is in one of the account's packages */
    Domain domain(String accountId, String domainId);

    /** Every domain of the account's packages. */
    Page<Domain> accountDomains(String accountId, PageRequest page);

    /**
     * Adds a domain to a live package.
     *
     * @throws org.hostarea.core.ValidationException ({@code name}) if it is not a valid domain name
     * @throws org.hostarea.core.ConflictException ({@code domain-taken}) if any package holds it already
     * @throws org.hostarea.core.RuleViolationException ({@code domain-limit}) past the plan's {@code domains} limit
     */
    Domain addDomain(String accountId, String packageId, String name, LocalDate expiresOn, String actor);

    Domain updateDomain(String accountId, String packageId, String domainId, DomainSettings settings, String actor);

    /**
     * Moves a domain to another package of the same account (its settings go with it). Moving it where it is already
     * changes nothing.
     *
     * @throws org.hostarea.core.NotFoundException ({@code domain-not-found}, {@code package-not-found}) outside the account
     * @throws org.hostarea.core.RuleViolationException ({@code last-domain}) out of a DOMAIN package, ({@code domain-limit}) past
     *     the target plan's limit, ({@code package-not-live}) into or out of an ended package, ({@code domain-package})
     *     into a DOMAIN package
     */
    Domain moveDomain(String accountId, String domainId, String toPackageId, String actor);

    /**
     * Moves a domain to a package of another account (an accepted INTERNAL_DOMAIN_TRANSFER), by the same rules; a
     * domain already there changes nothing.
     *
     * @throws org.hostarea.core.NotFoundException ({@code domain-not-found}) unless it is {@code fromAccountId}'s,
     *     ({@code package-not-found}) unless the target is {@code toAccountId}'s
     */
    Domain moveDomain(String fromAccountId, String domainId, String toAccountId, String toPackageId, String actor);

    /**
     * Records a new holder (registrant) of a domain of the account; recording the same holder again changes nothing.
     *
     * @throws org.hostarea.core.ValidationException for a bad field ({@code registrant.<field>})
     */
    Domain changeRegistrant(String accountId, String domainId, Registrant registrant, String actor);

    /** @throws org.hostarea.core.RuleViolationException ({@code last-domain}) for the only domain of a DOMAIN package */
    void removeDomain(String accountId, String packageId, String domainId, String actor);

    /**
     * @throws org.hostarea.core.ConflictException ({@code app-path-taken})
     * @throws org.hostarea.core.RuleViolationException ({@code app-limit}) past the plan's {@code apps} limit
     */
    InstalledApp installApp(String accountId, String packageId, AppInput app, String actor);

    void removeApp(String accountId, String packageId, String appId, String actor);

    /**
     * Changes the plan: an upgrade (a plan the current one lists in {@code upgradesTo}) takes effect now and
     * charges the prorated difference; a downgrade ({@code downgradesTo}) is scheduled for the end of the term.
     *
     * @param idempotencyKey optional: a repeat with the same key answers the first change and does nothing else
     * @throws org.hostarea.core.ValidationException ({@code planCode}) for a plan that does not exist
     * @throws org.hostarea.core.RuleViolationException ({@code plan-change-not-allowed}) for any other plan, an
     *     inactive one, or one without a price in the package's cycle and currency; ({@code package-not-live})
     * @throws org.hostarea.core.ConflictException ({@code plan-unchanged}) to the current plan (also when a
     *     concurrent request just applied it), ({@code plan-change-pending}) while a downgrade is scheduled,
     *     ({@code cancellation-scheduled}) while a cancellation is
     */
    PlanChange changePlan(String accountId, String packageId, String planCode, String idempotencyKey, String actor);

    /** The plan changes of a package, newest first. */
    List<PlanChange> planChanges(String accountId, String packageId);

    /** @throws org.hostarea.core.NotFoundException ({@code no-scheduled-change}) */
    void revokeScheduledChange(String accountId, String packageId, String actor);

    /**
     * @throws org.hostarea.core.ConflictException ({@code cancellation-scheduled}) if one is already asked for
     * @throws org.hostarea.core.RuleViolationException ({@code package-not-live})
     */
    CustomerPackage cancel(String accountId, String packageId, CancellationMode mode, String reason, String actor);

    /** @throws org.hostarea.core.NotFoundException ({@code no-cancellation}) */
    CustomerPackage revokeCancellation(String accountId, String packageId, String actor);

    // --- staff side ----------------------------------------------------------------------------------

    CustomerPackage create(NewPackage pkg, String actor);

    /** {@code accountId}, {@code status}: optional filters. */
    Page<CustomerPackage> search(String accountId, PackageStatus status, PageRequest page);

    /** @throws org.hostarea.core.NotFoundException ({@code package-not-found}) */
    CustomerPackage get(String packageId);

    /** PENDING → ACTIVE. @throws org.hostarea.core.RuleViolationException ({@code package-not-pending}) */
    CustomerPackage activate(String packageId, String actor);

    /** Adds a suspend reason (a live package becomes SUSPENDED). Suspending again for the same reason changes nothing. */
    CustomerPackage suspend(String packageId, SuspendReason reason, String comment, String actor);

    /** Lifts one reason ({@code null}: all); ACTIVE again when none is left. */
    CustomerPackage unsuspend(String packageId, SuspendReason reason, String actor);

    /** Ends a package for good: its domains are released and its password revoked. */
    CustomerPackage terminate(String packageId, String actor);

    /**
     * Records current usage (only the resources given) and applies the quota rule: over a limit → SUSPENDED
     * (QUOTA) and the technical contact is told; back under every limit → the QUOTA reason is lifted.
     *
     * @throws org.hostarea.core.ValidationException for a malformed resource name or a negative value
     */
    CustomerPackage recordUsage(String packageId, Map<String, Long> usage, String actor);

    /** Replaces the dedicated IPs and SSL certificates. */
    CustomerPackage provision(String packageId, List<String> dedicatedIps, List<Certificate> certificates, String actor);

    /** The event log of a package, oldest first. */
    List<PackageEvent> events(String packageId);

    /** Upgrade charges no billing has taken yet, oldest first. */
    List<PlanChange> pendingCharges(int limit);

    /** Billing took the charge of this plan change. Idempotent. */
    void markCharged(String planChangeId);

    // --- jobs ----------------------------------------------------------------------------------------

    /** Today in the provider's time zone (the day due dates are compared with). */
    LocalDate today();

    /**
     * Live packages whose next term starts on or before {@code through} and that no cancellation ends by then,
     * ordered by account and id, after the cursor ({@code null}s: from the start). Billing pages through them.
     */
    List<RenewalDue> dueForRenewal(LocalDate through, String afterAccountId, String afterPackageId, int limit);

    /**
     * The term {@code [from, to)} is paid: the due date moves from {@code from} to {@code to} (once: a repeat, or a
     * package whose due date is no longer {@code from}, changes nothing); a DOMAIN package's domains expire at
     * {@code to} and leave ON_HOLD.
     *
     * @return whether the due date moved
     */
    boolean renewed(String packageId, LocalDate from, LocalDate to, String actor);

    /** Registered domains of live packages expiring on or before {@code through}, ordered by id, after the cursor. */
    List<ExpiringDomain> domainsExpiring(LocalDate through, String afterDomainId, int limit);

    /**
     * Puts a domain whose registration expired before {@code asOf} ON_HOLD and tells the account, once.
     *
     * @return whether it changed (false if it is on hold already, was renewed meanwhile, or is not expired)
     */
    boolean holdExpiredDomain(String domainId, LocalDate asOf, String actor);

    /**
     * Applies what falls due on or before {@code asOf}: scheduled downgrades and end-of-term cancellations.
     * Each package in its own transaction; running it twice for a date changes nothing the second time.
     *
     * @return how many changes were applied
     */
    int runDue(LocalDate asOf);
}
