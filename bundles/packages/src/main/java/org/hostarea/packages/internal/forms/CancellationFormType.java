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
import org.hostarea.packages.CancellationMode;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.internal.PackagesConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * CANCELLATION of a package: {@code {"packageId","mode"?: END_OF_TERM|IMMEDIATE,"reason"?}}, carried out through the
 * packages rules (an end-of-term cancellation waits for the term's end). Reviewed by staff unless configured not to.
 */
@Component(service = FormType.class, configurationPid = PackagesConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class CancellationFormType implements FormType {

    private final PackageService packages;
    private volatile boolean review;

    @Activate
    public CancellationFormType(@Reference PackageService packages, PackagesConfiguration config) {
        this.packages = packages;
        configure(config);
    }

    @Modified
    void configure(PackagesConfiguration config) {
        this.review = config.forms_cancellationReview();
    }

    @Override
    public String id() {
        return "CANCELLATION";
    }

    @Override
    public String description() {
        return "Cancel a package, at the end of its term or at once.";
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
        Payloads.onlyKnown(checks, payload, Set.of("packageId", "mode", "reason"));
        String packageId = Payloads.text(checks, payload, "packageId", 36, true);
        String modeText = Payloads.text(checks, payload, "mode", 20, false);
        CancellationMode mode = CancellationMode.END_OF_TERM;
        if (modeText != null) {
            try {
                mode = CancellationMode.valueOf(modeText);
            } catch (IllegalArgumentException e) {
                checks.reject("payload.mode", "must be END_OF_TERM or IMMEDIATE");
            }
        }
        String reason = Payloads.text(checks, payload, "reason", 500, false);
        checks.throwIfAny();
        CustomerPackage pkg = packages.get(accountId, packageId); // 404 for another account's package
        if (!pkg.status().live()) {
            throw new RuleViolationException("package-not-live", "The package is " + pkg.status() + ".");
        }
        if (pkg.cancellation() != null) {
            throw new org.hostarea.core.ConflictException("cancellation-scheduled", "A cancellation of this package is scheduled already.");
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("packageId", packageId);
        stored.put("package", pkg.label());
        stored.put("mode", mode.name());
        if (reason != null) {
            stored.put("reason", reason);
        }
        return stored;
    }

    @Override
    public void execute(FormExecution execution) {
        String packageId = (String) execution.payload().get("packageId");
        CustomerPackage pkg = packages.get(execution.accountId(), packageId);
        String by = "form:" + execution.requestId();
        if (pkg.cancellation() != null && by.equals(pkg.cancellation().requestedBy())) {
            return; // this request's cancellation is there already (a retry)
        }
        if (pkg.cancellation() != null) {
            throw new org.hostarea.core.ConflictException("cancellation-scheduled", "Another cancellation of the package ("
                    + pkg.cancellation().mode() + ") was asked for meanwhile; staff decide which one stands.");
        }
        if (!pkg.status().live()) {
            return; // ended meanwhile: nothing left to cancel
        }
        packages.cancel(execution.accountId(), packageId, CancellationMode.valueOf((String) execution.payload().get("mode")),
                (String) execution.payload().get("reason"), by);
    }
}
