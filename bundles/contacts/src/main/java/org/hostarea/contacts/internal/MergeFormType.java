package org.hostarea.contacts.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hostarea.contacts.Profile;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.RuleViolationException;
import org.hostarea.core.access.Permission;
import org.hostarea.core.merge.AccountMerge;
import org.hostarea.core.merge.AccountMergeStep;
import org.hostarea.forms.spi.FormExecution;
import org.hostarea.forms.spi.FormType;
import org.hostarea.forms.spi.Party;
import org.hostarea.forms.spi.Payloads;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.AccountStatus;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.PackagePasswordService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * MERGE_CUSTOMER_NUMBERS (STRATO's "Zusammenfassen von Kundennummern"): the logged-in customer names another customer
 * number, a domain of one of its packages and that package's password (checked with the login's brute-force
 * protection), and chooses whose master data the surviving number keeps ({@code keep}: {@code THIS}, the default, or
 * {@code OTHER}: "adopt data"). The stored request shows both records and the fields that differ. Once staff approve,
 * every bundle's {@link AccountMergeStep} moves its data of the other number to this one in one transaction, and the
 * other number is closed (its login then names this one). Both accounts are told of every step.
 */
@Component(service = FormType.class)
public class MergeFormType implements FormType {

    static final String ID = "MERGE_CUSTOMER_NUMBERS";
    /** The steps without which a merge would leave data behind. */
    static final Set<String> REQUIRED_STEPS = Set.of("identity", "contacts", "packages", "billing", "forms", "notifications");
    private static final Set<String> FIELDS = Set.of("customerNumber", "domain", "packagePassword", "keep");
    /** The fields compared side by side (seed 001: street, postcode, city, phone, mobile, email, bank account). */
    private static final List<String> COMPARED = List.of("holderName", "company", "street", "postcode", "city", "country", "phone",
            "mobile", "email", "iban", "bic");
    private static final Set<String> MARKED = Set.of("street", "postcode", "city", "phone", "mobile", "email", "iban", "bic");

    private final AccountService accounts;
    private final PackagePasswordService packagePasswords;
    private final ContactServiceImpl contacts;
    private final List<AccountMergeStep> steps = new CopyOnWriteArrayList<>();

    @Activate
    public MergeFormType(@Reference AccountService accounts, @Reference PackagePasswordService packagePasswords,
            @Reference ContactServiceImpl contacts) {
        this.accounts = accounts;
        this.packagePasswords = packagePasswords;
        this.contacts = contacts;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStep(AccountMergeStep step) {
        steps.add(step);
    }

    void removeStep(AccountMergeStep step) {
        steps.remove(step);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Merge another customer number into this one (proved with a domain of one of its packages and that package's password).";
    }

    @Override
    public Permission permission() {
        return Permission.PROFILE_EDIT;
    }

    @Override
    public boolean holderOnly(Map<String, Object> payload) {
        return true;
    }

    @Override
    public boolean reviewRequired() {
        return true;
    }

    @Override
    public Map<String, Object> validate(String accountId, Map<String, Object> payload) {
        return validate(accountId, payload, ClientInfo.UNKNOWN);
    }

    @Override
    public Map<String, Object> validate(String accountId, Map<String, Object> payload, ClientInfo client) {
        FieldChecks checks = new FieldChecks();
        Payloads.onlyKnown(checks, payload, FIELDS);
        String number = Payloads.text(checks, payload, "customerNumber", 16, true);
        String domain = Payloads.text(checks, payload, "domain", 253, true);
        String password = Payloads.text(checks, payload, "packagePassword", 1024, true);
        Object keepValue = payload.get("keep");
        String keep = keepValue == null ? "THIS" : keepValue instanceof String k ? k.strip().toUpperCase(java.util.Locale.ROOT) : "";
        if (!keep.equals("THIS") && !keep.equals("OTHER")) {
            checks.reject("payload.keep", "must be THIS (keep this number's master data) or OTHER (adopt the other number's)");
        }
        checks.throwIfAny();
        Account self = accounts.get(accountId);
        if (number.equals(self.customerNumber())) {
            throw intoItself();
        }
        String ownerId = packagePasswords.verifyOwnership(accountId, domain, password, client); // proof first: no number oracle
        Account other;
        try {
            other = accounts.byCustomerNumber(number);
        } catch (NotFoundException e) {
            throw notOfNumber(number);
        }
        if (ownerId.equals(accountId) && other.status() != AccountStatus.ACTIVE && self.customerNumber().equals(other.mergedInto())) {
            // the package proved is the asker's own, once the named number's: that number was merged into the asker's
            throw new RuleViolationException("account-already-merged", "Customer number " + number + " was merged into this one already.");
        }
        if (!other.id().equals(ownerId)) {
            throw notOfNumber(number); // says nothing about a number the proof does not cover
        }
        if (other.status() != AccountStatus.ACTIVE) {
            throw new RuleViolationException("account-already-merged", "Customer number " + number + " is closed.");
        }
        Map<String, Object> thisRecord = record(contacts.profile(accountId), self);
        Map<String, Object> otherRecord = record(contacts.profile(other.id()), other);
        List<String> differing = new ArrayList<>();
        for (String field : COMPARED) {
            if (MARKED.contains(field) && !Objects.equals(thisRecord.get(field), otherRecord.get(field))) {
                differing.add(field);
            }
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("customerNumber", other.customerNumber());
        stored.put("otherAccountId", other.id());
        stored.put("domain", domain.strip().toLowerCase(java.util.Locale.ROOT));
        stored.put("keep", keep);
        stored.put("thisRecord", mask(thisRecord));
        stored.put("otherRecord", mask(otherRecord));
        stored.put("differing", differing);
        return stored;
    }

    /** The master data compared, with the owner email of the account where the profile has none. */
    private static Map<String, Object> record(Profile profile, Account account) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("customerNumber", account.customerNumber());
        record.put("holderName", profile.holderName() == null ? account.ownerName() : profile.holderName());
        record.put("company", profile.company());
        record.put("street", profile.street());
        record.put("postcode", profile.postcode());
        record.put("city", profile.city());
        record.put("country", profile.country());
        record.put("phone", profile.phone());
        record.put("mobile", profile.mobile());
        record.put("email", profile.email() == null ? account.email() : profile.email());
        record.put("iban", profile.iban());
        record.put("bic", profile.bic());
        return record;
    }

    /** Shown and stored with the IBAN cut to its country and last four characters (compared in full before). */
    private static Map<String, Object> mask(Map<String, Object> record) {
        Map<String, Object> masked = new LinkedHashMap<>(record);
        if (record.get("iban") instanceof String iban && iban.length() > 8) {
            masked.put("iban", iban.substring(0, 2) + "*".repeat(iban.length() - 6) + iban.substring(iban.length() - 4));
        }
        return masked;
    }

    @Override
    public Optional<Party> otherParty(Map<String, Object> payload) {
        return Optional.of(Party.account((String) payload.get("otherAccountId")));
    }

    @Override
    public void execute(FormExecution execution) {
        String from = (String) execution.payload().get("otherAccountId");
        String into = execution.accountId();
        Account merged = accounts.get(from);
        Account surviving = accounts.get(into);
        if (merged.status() != AccountStatus.ACTIVE && surviving.customerNumber().equals(merged.mergedInto())) {
            return; // carried out already
        }
        RequiredSteps.check(steps.stream().map(AccountMergeStep::name).toList(), REQUIRED_STEPS, "The merge");
        String actor = execution.actor();
        // fails (and so rolls everything back) if either number is closed now: merged elsewhere in the meantime
        accounts.closeMerged(from, into, actor);
        if ("OTHER".equals(execution.payload().get("keep"))) {
            contacts.adoptProfile(into, from, "form:" + execution.requestId());
        }
        AccountMerge merge = new AccountMerge(from, into, execution.requestId(), actor);
        steps.stream().sorted(Comparator.comparing(AccountMergeStep::name)).forEach(step -> step.merge(merge));
    }

    private static RuleViolationException intoItself() {
        return new RuleViolationException("merge-into-itself", "A customer number cannot be merged into itself.");
    }

    private static RuleViolationException notOfNumber(String number) {
        return new RuleViolationException("package-not-of-number", "That package does not belong to customer number " + number + ".");
    }
}
