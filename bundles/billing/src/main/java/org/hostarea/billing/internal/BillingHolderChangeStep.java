package org.hostarea.billing.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.merge.HolderChange;
import org.hostarea.core.merge.HolderChangeStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A new contract holder does not pay with the old holder's cards or accounts: the stored payment methods (gateway
 * references) of the account are removed. Invoices, payments and credit stay with the contract.
 */
@Component(service = HolderChangeStep.class)
public class BillingHolderChangeStep implements HolderChangeStep {

    private final JpaTemplate jpa;

    @Activate
    public BillingHolderChangeStep(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String name() {
        return "billing";
    }

    @Override
    public void holderChanged(HolderChange change) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("delete from PaymentMethodEntity p where p.accountId = :a")
                .setParameter("a", change.accountId()).executeUpdate());
    }
}
