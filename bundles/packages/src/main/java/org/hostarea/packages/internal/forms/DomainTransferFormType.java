package org.hostarea.packages.internal.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.hostarea.core.FieldChecks;
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

/**
 * INTERNAL_DOMAIN_TRANSFER within the account: {@code {"domainId","toPackageId"}} moves a domain to another package of
 * the same customer number, without review (moving it to another customer number is not offered yet).
 */
@Component(service = FormType.class)
public class DomainTransferFormType implements FormType {

    private final PackageService packages;

    @Activate
    public DomainTransferFormType(@Reference PackageService packages) {
        this.packages = packages;
    }

    @Override
    public String id() {
        return "INTERNAL_DOMAIN_TRANSFER";
    }

    @Override
    public String description() {
        return "Move a domain to another package of this customer number.";
    }

    @Override
    public Permission permission() {
        return Permission.DOMAINS_MANAGE;
    }

    @Override
    public boolean reviewRequired() {
        return false;
    }

    @Override
    public Map<String, Object> validate(String accountId, Map<String, Object> payload) {
        FieldChecks checks = new FieldChecks();
        Payloads.onlyKnown(checks, payload, Set.of("domainId", "toPackageId"));
        String domainId = Payloads.text(checks, payload, "domainId", 36, true);
        String toPackageId = Payloads.text(checks, payload, "toPackageId", 36, true);
        checks.throwIfAny();
        CustomerPackage target = packages.get(accountId, toPackageId);
        Domain domain = packages.domain(accountId, domainId);
        if (domain.packageId().equals(toPackageId)) {
            throw new RuleViolationException("domain-already-there", "The domain is in that package already.");
        }
        if (target.type() == PlanType.DOMAIN || packages.get(accountId, domain.packageId()).type() == PlanType.DOMAIN) {
            throw new RuleViolationException("domain-package", "A DOMAIN package holds exactly the domain it was made for.");
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("domainId", domainId);
        stored.put("domain", domain.displayName());
        stored.put("fromPackageId", domain.packageId());
        stored.put("toPackageId", toPackageId);
        stored.put("toPackage", target.label());
        return stored;
    }

    @Override
    public void execute(FormExecution execution) {
        packages.moveDomain(execution.accountId(), (String) execution.payload().get("domainId"),
                (String) execution.payload().get("toPackageId"), "form:" + execution.requestId());
    }
}
