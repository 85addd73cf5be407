package org.hostarea.contacts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hostarea.contacts.ProfileUpdate;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.FieldError;
import org.hostarea.core.ValidationException;
import org.hostarea.core.access.Permission;
import org.hostarea.core.merge.HolderChange;
import org.hostarea.core.merge.HolderChangeStep;
import org.hostarea.forms.spi.FormExecution;
import org.hostarea.forms.spi.FormType;
import org.hostarea.forms.spi.Party;
import org.hostarea.forms.spi.Payloads;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.CredentialService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * CHANGE_CONTRACT_HOLDER: the holder names the new holder (name, company, address, phone, tax id, email) and the day the
 * contract passes ({@code effectiveDate}, today or later). The new holder accepts through a link mailed to them, staff
 * review it, and on that day the master data becomes the new holder's (the old holder's bank data is dropped: the new
 * holder brings their own), the owner login becomes the new holder's email, the old password ends and the new holder
 * gets a link to choose one; the old holder's stored payment methods, invited users, package passwords and sessions
 * leave the account ({@link HolderChangeStep}s), and the old address is told.
 */
@Component(service = FormType.class)
public class ContractHolderFormType implements FormType {

    /** The steps without which the old holder's cards or people would stay on the account. */
    static final Set<String> REQUIRED_STEPS = Set.of("identity", "billing");
    private static final Set<String> FIELDS = Set.of("holderName", "company", "email", "street", "postcode", "city", "country", "phone",
            "taxId", "effectiveDate");

    private final Clock clock;
    private final AccountService accounts;
    private final CredentialService credentials;
    private final ContactServiceImpl contacts;
    private final List<HolderChangeStep> steps = new CopyOnWriteArrayList<>();

    @Activate
    public ContractHolderFormType(@Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference AccountService accounts,
            @Reference CredentialService credentials, @Reference ContactServiceImpl contacts) {
        this.clock = clock;
        this.accounts = accounts;
        this.credentials = credentials;
        this.contacts = contacts;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStep(HolderChangeStep step) {
        steps.add(step);
    }

    void removeStep(HolderChangeStep step) {
        steps.remove(step);
    }

    @Override
    public String id() {
        return "CHANGE_CONTRACT_HOLDER";
    }

    @Override
    public String description() {
        return "Pass the contract to a new holder on a given day (the new holder accepts by a link).";
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
        FieldChecks checks = new FieldChecks();
        Payloads.onlyKnown(checks, payload, FIELDS);
        String holderName = Payloads.text(checks, payload, "holderName", 200, true);
        String company = Payloads.text(checks, payload, "company", 200, false);
        String email = Payloads.text(checks, payload, "email", 254, true);
        String street = Payloads.text(checks, payload, "street", 200, true);
        String postcode = Payloads.text(checks, payload, "postcode", 20, true);
        String city = Payloads.text(checks, payload, "city", 100, true);
        String country = Payloads.text(checks, payload, "country", 2, true);
        String phone = Payloads.text(checks, payload, "phone", 30, false);
        String taxId = Payloads.text(checks, payload, "taxId", 30, false);
        String day = Payloads.text(checks, payload, "effectiveDate", 10, true);
        LocalDate effective = null;
        if (day != null) {
            try {
                effective = LocalDate.parse(day);
                LocalDate today = LocalDate.now(clock);
                if (effective.isBefore(today) || effective.isAfter(today.plusYears(1))) {
                    checks.reject("payload.effectiveDate", "must be between today and a year from now");
                }
            } catch (DateTimeParseException e) {
                checks.reject("payload.effectiveDate", "must be a date (yyyy-mm-dd)");
            }
        }
        checks.throwIfAny();
        ProfileUpdate data;
        try {
            data = ContactServiceImpl.validate(new ProfileUpdate(holderName, company, street, postcode, city, country, phone, null, email,
                    null, null, taxId));
        } catch (ValidationException e) {
            throw new ValidationException(e.getMessage(), e.errors().stream().map(error -> new FieldError("payload." + error.field(),
                    error.message())).toList());
        }
        Account account = accounts.get(accountId);
        if (data.email().equalsIgnoreCase(account.email())) {
            throw ValidationException.of("payload.email", "is the current holder's email: the new holder needs their own");
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("currentHolder", account.ownerName());
        stored.put("holderName", data.holderName());
        if (data.company() != null) {
            stored.put("company", data.company());
        }
        stored.put("email", data.email());
        stored.put("street", data.street());
        stored.put("postcode", data.postcode());
        stored.put("city", data.city());
        stored.put("country", data.country());
        if (data.phone() != null) {
            stored.put("phone", data.phone());
        }
        if (data.taxId() != null) {
            stored.put("taxId", data.taxId());
        }
        stored.put("effectiveDate", effective.toString());
        return stored;
    }

    @Override
    public Optional<Party> otherParty(Map<String, Object> payload) {
        return Optional.of(Party.person((String) payload.get("holderName"), (String) payload.get("email")));
    }

    @Override
    public boolean acceptanceRequired(Map<String, Object> payload) {
        return true;
    }

    @Override
    public LocalDate executeOn(Map<String, Object> payload) {
        return LocalDate.parse((String) payload.get("effectiveDate"));
    }

    @Override
    public void execute(FormExecution execution) {
        Map<String, Object> p = execution.payload();
        String email = (String) p.get("email");
        contacts.updateProfile(execution.accountId(), new ProfileUpdate((String) p.get("holderName"), (String) p.get("company"),
                (String) p.get("street"), (String) p.get("postcode"), (String) p.get("city"), (String) p.get("country"), (String) p.get("phone"),
                null, email, null, null, (String) p.get("taxId")), "form:" + execution.requestId());
        RequiredSteps.check(steps.stream().map(HolderChangeStep::name).toList(), REQUIRED_STEPS, "The change of holder");
        if (accounts.changeOwner(execution.accountId(), (String) p.get("holderName"), email, true, execution.actor())) {
            credentials.requestReset(email, ClientInfo.UNKNOWN); // the new holder chooses a password
        }
        // what the old holder brought as a person leaves with them: cards, invited users, package passwords, sessions
        HolderChange change = new HolderChange(execution.accountId(), execution.requestId(), execution.actor());
        steps.stream().sorted(Comparator.comparing(HolderChangeStep::name)).forEach(step -> step.holderChanged(change));
    }
}
