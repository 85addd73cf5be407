package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.util.List;

import org.hostarea.billing.InvoiceLineInput;
import org.hostarea.billing.NewInvoice;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.PlanChange;
import org.hostarea.packages.spi.PlanChangeCharger;
import org.hostarea.packages.spi.ProratedCharge;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing's side of an upgrade: the prorated difference becomes an issued invoice, once per plan change (its
 * source key), inside the transaction that applies the upgrade. Upgrades made while billing was not installed
 * are charged when it starts ({@link PackageService#pendingCharges}).
 */
@Component(service = PlanChangeCharger.class, immediate = true)
public class PlanChangeBilling implements PlanChangeCharger {

    private static final Logger LOG = LoggerFactory.getLogger(PlanChangeBilling.class);

    private final InvoiceServiceImpl invoices;

    @Activate
    public PlanChangeBilling(@Reference InvoiceServiceImpl invoices) {
        this.invoices = invoices;
    }

    /**
     * Bills the upgrades made while billing was away, once packages are there. Dynamic: packages bind this charger,
     * so a static reference back to them would be a circle SCR reports while both start.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindPackages(PackageService packages) {
        for (PlanChange pending : packages.pendingCharges(1000)) {
            try {
                CustomerPackage pkg = packages.get(pending.packageId());
                charge(new ProratedCharge(pending.id(), pkg.id(), pkg.accountId(), pending.fromPlan(), pending.toPlan(),
                        pending.effectiveOn(), pkg.nextDueDate(), pending.proratedCharge()));
                packages.markCharged(pending.id());
            } catch (RuntimeException e) {
                LOG.warn("the upgrade charge of plan change {} was not billed yet: {}", pending.id(), e.toString());
            }
        }
    }

    void unbindPackages(PackageService packages) {
        // nothing held
    }

    @Override
    public void charge(ProratedCharge charge) {
        BigDecimal rate = new BigDecimal(invoices.configuration().invoice_taxRate().strip());
        invoices.createOnce(new NewInvoice(charge.accountId(), charge.amount().currency().getCurrencyCode(), null,
                List.of(new InvoiceLineInput("Upgrade " + charge.fromPlan() + " → " + charge.toPlan() + " (rest of the term)",
                        charge.packageId(), charge.periodStart(), charge.periodEnd().minusDays(1), BigDecimal.ONE,
                        charge.amount().amount(), rate)), null), "plan-change:" + charge.planChangeId(), "system");
    }
}
