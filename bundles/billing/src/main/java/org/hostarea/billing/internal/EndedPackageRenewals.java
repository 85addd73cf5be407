package org.hostarea.billing.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.core.jpa.Reads;
import org.hostarea.packages.PackageEvent;
import org.hostarea.packages.PackageEventType;
import org.hostarea.packages.PackageListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A package that ends (cancelled or terminated) owes nothing for terms that start after its end: an unpaid renewal
 * invoice for such a term that bills only this package, with nothing paid of it yet, is cancelled. Invoices shared
 * with other packages, or partly paid, are left to staff.
 */
@Component(service = PackageListener.class)
public class EndedPackageRenewals implements PackageListener {

    private static final Logger LOG = LoggerFactory.getLogger(EndedPackageRenewals.class);

    private final JpaTemplate jpa;
    private final BundleContext context;

    /**
     * The invoice service is looked up when a package ends, not referenced: invoices depend on packages (plan-change
     * charges), whose event publisher binds this listener, so a reference would close that circle while they start.
     */
    @Activate
    public EndedPackageRenewals(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa, BundleContext context) {
        this.jpa = jpa;
        this.context = context;
    }

    @Override
    public void packageChanged(PackageEvent event) {
        if (event.type() != PackageEventType.CANCELLED && event.type() != PackageEventType.TERMINATED) {
            return;
        }
        ServiceReference<InvoiceServiceImpl> reference = context.getServiceReference(InvoiceServiceImpl.class);
        InvoiceServiceImpl invoices = reference == null ? null : context.getService(reference);
        if (invoices == null) {
            LOG.warn("billing is stopping: the renewal invoices of ended package {} are left to staff", event.packageId());
            return;
        }
        try {
            cancelRenewals(event, invoices);
        } finally {
            context.ungetService(reference);
        }
    }

    private void cancelRenewals(PackageEvent event, InvoiceServiceImpl invoices) {
        LocalDate ended = LocalDate.ofInstant(event.at(), ZoneId.of(invoices.configuration().zone()));
        List<InvoiceEntity> unpaid = Reads.read(jpa, em -> em.createQuery("select i from RenewalEntity r, InvoiceEntity i"
                + " where r.packageId = :pkg and r.invoiceId = i.id and i.status = :unpaid and r.periodStart >= :ended", InvoiceEntity.class)
                .setParameter("pkg", event.packageId()).setParameter("unpaid", InvoiceStatus.UNPAID).setParameter("ended", ended)
                .getResultList());
        for (InvoiceEntity invoice : unpaid) {
            if (invoice.packageIds().equals(List.of(event.packageId())) && invoice.amountPaid().signum() == 0) {
                try {
                    invoices.cancel(invoice.id(), "the package ended before this term", "billing");
                } catch (RuntimeException e) {
                    LOG.warn("renewal invoice {} of ended package {} not cancelled: {}", invoice.number(), event.packageId(), e.toString());
                }
            }
        }
    }
}
