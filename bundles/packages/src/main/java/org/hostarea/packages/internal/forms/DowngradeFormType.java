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
import org.hostarea.packages.CatalogService;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.Plan;
import org.hostarea.packages.internal.PackagesConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * DOWNGRADE of a package to a plan its plan lists in {@code downgradesTo}: {@code {"packageId","planCode"}}; carried out
 * as a plan change (scheduled for the end of the term), keyed by the request so a retry changes nothing more.
 */
@Component(service = FormType.class, configurationPid = PackagesConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DowngradeFormType implements FormType {

    private final PackageService packages;
    private final CatalogService catalog;
    private volatile boolean review;

    @Activate
    public DowngradeFormType(@Reference PackageService packages, @Reference CatalogService catalog, PackagesConfiguration config) {
        this.packages = packages;
        this.catalog = catalog;
        configure(config);
    }

    @Modified
    void configure(PackagesConfiguration config) {
        this.review = config.forms_downgradeReview();
    }

    @Override
    public String id() {
        return "DOWNGRADE";
    }

    @Override
    public String description() {
        return "Move a package to a smaller plan at the end of its term.";
    }

    @Override
    public Permission permission() {
        return Permission.ORDERS;
    }

    @Override
    public boolean reviewRequired() {
        return review;
    }

    @Override
    public Map<String, Object> validate(String accountId, Map<String, Object> payload) {
        FieldChecks checks = new FieldChecks();
        Payloads.onlyKnown(checks, payload, Set.of("packageId", "planCode"));
        String packageId = Payloads.text(checks, payload, "packageId", 36, true);
        String planCode = Payloads.text(checks, payload, "planCode", 40, true);
        checks.throwIfAny();
        CustomerPackage pkg = packages.get(accountId, packageId);
        Plan current = catalog.planByCode(pkg.planCode());
        if (!current.downgradesTo().contains(planCode)) {
            throw new RuleViolationException("plan-change-not-allowed", "The plan " + pkg.planCode() + " cannot be downgraded to "
                    + planCode + "; possible: " + current.downgradesTo() + ".");
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("packageId", packageId);
        stored.put("package", pkg.label());
        stored.put("fromPlan", pkg.planCode());
        stored.put("planCode", planCode);
        return stored;
    }

    @Override
    public void execute(FormExecution execution) {
        packages.changePlan(execution.accountId(), (String) execution.payload().get("packageId"), (String) execution.payload().get("planCode"),
                "form:" + execution.requestId(), "form:" + execution.requestId());
    }
}
