package org.hostarea.packages.internal.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hostarea.core.FieldChecks;
import org.hostarea.core.ValidationException;
import org.hostarea.core.RuleViolationException;
import org.hostarea.core.access.Permission;
import org.hostarea.forms.spi.FormExecution;
import org.hostarea.forms.spi.FormType;
import org.hostarea.forms.spi.Payloads;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.Domain;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.PlanType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.hostarea.core.NotFoundException;
import org.hostarea.forms.spi.Party;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.AccountStatus;

/**
 * INTERNAL_DOMAIN_TRANSFER: {@code {"domainId","toPackageId"}} moves a domain to another package of the same customer
 * number, without review; {@code {"domainId","toCustomerNumber"}} offers it to another customer number of this provider,
 * whose holder accepts it into one of its packages ({@code {"toPackageId"}} with the acceptance), and staff review it.
 */
@Component(service = FormType.class)
public class DomainTransferFormType implements FormType {

    private static final String TO_ACCOUNT = "toAccountId";

    private final PackageService packages;
    private final AccountService accounts;

    @Activate
    public DomainTransferFormType(@Reference PackageService packages, @Reference AccountService accounts) {
        this.packages = packages;
        this.accounts = accounts;
    }

    @Override
    public String id() {
        return "INTERNAL_DOMAIN_TRANSFER";
    }

    @Override
    public String description() {
        return "Move a domain to another package of this customer number, or to another customer number (which accepts it).";
    }

    @Override
    public Permission permission() {
        return Permission.DOMAINS_MANAGE;
    }

    @Override
    public boolean reviewRequired() {
        return false; // within the account; a transfer to another customer number waits for its acceptance and staff
    }

    @Override
    public Map<String, Object> validate(String accountId, Map<String, Object> payload) {
        FieldChecks checks = new FieldChecks();
        Payloads.onlyKnown(checks, payload, Set.of("domainId", "toPackageId", "toCustomerNumber"));
        String domainId = Payloads.text(checks, payload, "domainId", 36, true);
        String toPackageId = Payloads.text(checks, payload, "toPackageId", 36, false);
        String toNumber = Payloads.text(checks, payload, "toCustomerNumber", 16, false);
        if ((toPackageId == null) == (toNumber == null)) {
            checks.reject("payload.toPackageId", "give either toPackageId (a package of this customer number) or toCustomerNumber");
        }
        checks.throwIfAny();
        CustomerPackage target = toPackageId == null ? null : packages.get(accountId, toPackageId); // the target first, as always
        Domain domain = packages.domain(accountId, domainId);
        CustomerPackage source = packages.get(accountId, domain.packageId());
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("domainId", domainId);
        stored.put("domain", domain.displayName());
        stored.put("fromPackageId", domain.packageId());
        if (toNumber != null) {
            Account to = receiving(toNumber);
            if (to.id().equals(accountId)) {
                throw ValidationException.of("payload.toCustomerNumber", "is this customer number: name a package with toPackageId");
            }
            if (source.type() == PlanType.DOMAIN) {
                throw new RuleViolationException("domain-package", "A DOMAIN package holds exactly the domain it was made for.");
            }
            stored.put("toCustomerNumber", to.customerNumber());
            stored.put(TO_ACCOUNT, to.id());
            return stored;
        }
        if (domain.packageId().equals(toPackageId)) {
            throw new RuleViolationException("domain-already-there", "The domain is in that package already.");
        }
        if (target.type() == PlanType.DOMAIN || source.type() == PlanType.DOMAIN) {
            throw new RuleViolationException("domain-package", "A DOMAIN package holds exactly the domain it was made for.");
        }
        stored.put("toPackageId", toPackageId);
        stored.put("toPackage", target.label());
        return stored;
    }

    /** Another active customer number; one that does not exist is named like a closed one (no directory of numbers). */
    private Account receiving(String number) {
        try {
            Account to = accounts.byCustomerNumber(number);
            if (to.status() == AccountStatus.ACTIVE) {
                return to;
            }
        } catch (NotFoundException e) {
            // answered below
        }
        throw ValidationException.of("payload.toCustomerNumber", "is not an active customer number");
    }

    @Override
    public Optional<Party> otherParty(Map<String, Object> payload) {
        return Optional.ofNullable((String) payload.get(TO_ACCOUNT)).map(Party::account);
    }

    @Override
    public boolean acceptanceRequired(Map<String, Object> payload) {
        return payload.get(TO_ACCOUNT) != null;
    }

    @Override
    public Map<String, Object> accepted(Map<String, Object> payload, String partyAccountId, Map<String, Object> answer) {
        FieldChecks checks = new FieldChecks();
        Payloads.onlyKnown(checks, answer, Set.of("toPackageId"));
        String toPackageId = Payloads.text(checks, answer, "toPackageId", 36, true);
        checks.throwIfAny();
        CustomerPackage target = packages.get(partyAccountId, toPackageId); // 404 unless it is the receiving account's
        if (target.type() == PlanType.DOMAIN) {
            throw new RuleViolationException("domain-package", "A DOMAIN package holds only the domain it was made for.");
        }
        Map<String, Object> stored = new LinkedHashMap<>(payload);
        stored.put("toPackageId", toPackageId);
        stored.put("toPackage", target.label());
        return stored;
    }

    @Override
    public void execute(FormExecution execution) {
        Map<String, Object> p = execution.payload();
        String toAccount = (String) p.getOrDefault(TO_ACCOUNT, execution.accountId());
        packages.moveDomain(execution.accountId(), (String) p.get("domainId"), toAccount, (String) p.get("toPackageId"),
                "form:" + execution.requestId());
    }
}
