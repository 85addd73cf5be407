package org.hostarea.packages.internal.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.hostarea.core.FieldChecks;
import org.hostarea.core.access.Permission;
import org.hostarea.forms.spi.FormExecution;
import org.hostarea.forms.spi.FormType;
import org.hostarea.forms.spi.Payloads;
import org.hostarea.packages.Domain;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.Registrant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * CHANGE_DOMAIN_HOLDER: {@code {"domainId","name","organization"?,"email","street","postcode","city","country"}}; staff
 * review it (the registry's rules for a holder change are theirs to check), then the holder is recorded on the domain.
 */
@Component(service = FormType.class)
public class DomainHolderFormType implements FormType {

    private static final Set<String> FIELDS = Set.of("domainId", "name", "organization", "email", "street", "postcode", "city", "country");

    private final PackageService packages;

    @Activate
    public DomainHolderFormType(@Reference PackageService packages) {
        this.packages = packages;
    }

    @Override
    public String id() {
        return "CHANGE_DOMAIN_HOLDER";
    }

    @Override
    public String description() {
        return "Change the holder (registrant) of a domain.";
    }

    @Override
    public Permission permission() {
        return Permission.DOMAINS_MANAGE;
    }

    @Override
    public boolean reviewRequired() {
        return true;
    }

    @Override
    public Map<String, Object> validate(String accountId, Map<String, Object> payload) {
        FieldChecks checks = new FieldChecks();
        Payloads.onlyKnown(checks, payload, FIELDS);
        String domainId = Payloads.text(checks, payload, "domainId", 36, true);
        Registrant given = new Registrant(Payloads.text(checks, payload, "name", 200, false), Payloads.text(checks, payload, "organization",
                200, false), Payloads.text(checks, payload, "email", 254, false), Payloads.text(checks, payload, "street", 200, false),
                Payloads.text(checks, payload, "postcode", 20, false), Payloads.text(checks, payload, "city", 100, false),
                Payloads.text(checks, payload, "country", 2, false));
        checks.throwIfAny();
        Registrant registrant;
        try {
            registrant = org.hostarea.packages.internal.PackageServiceImpl.checkRegistrant(given);
        } catch (org.hostarea.core.ValidationException e) {
            throw new org.hostarea.core.ValidationException(e.getMessage(), e.errors().stream().map(error -> new org.hostarea.core.FieldError(
                    error.field().replace("registrant.", "payload."), error.message())).toList());
        }
        Domain domain = packages.domain(accountId, domainId);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("domainId", domainId);
        stored.put("domain", domain.displayName());
        stored.put("name", registrant.name());
        if (registrant.organization() != null) {
            stored.put("organization", registrant.organization());
        }
        stored.put("email", registrant.email());
        stored.put("street", registrant.street());
        stored.put("postcode", registrant.postcode());
        stored.put("city", registrant.city());
        stored.put("country", registrant.country());
        return stored;
    }

    @Override
    public void execute(FormExecution execution) {
        Map<String, Object> p = execution.payload();
        packages.changeRegistrant(execution.accountId(), (String) p.get("domainId"), new Registrant((String) p.get("name"),
                (String) p.get("organization"), (String) p.get("email"), (String) p.get("street"), (String) p.get("postcode"),
                (String) p.get("city"), (String) p.get("country")), "form:" + execution.requestId());
    }
}
