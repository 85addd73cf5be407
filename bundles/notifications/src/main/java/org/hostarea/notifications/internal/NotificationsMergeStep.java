package org.hostarea.notifications.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.merge.AccountMerge;
import org.hostarea.core.merge.AccountMergeStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The message log of a merged customer number joins the surviving one (its customer reads what was sent about the
 * packages and invoices that are now theirs). Messages written by the merge itself are told to the merged number and
 * stay there.
 */
@Component(service = AccountMergeStep.class)
public class NotificationsMergeStep implements AccountMergeStep {

    private final JpaTemplate jpa;

    @Activate
    public NotificationsMergeStep(@Reference(target = "(osgi.unit.name=notifications)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public void merge(AccountMerge merge) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("update MessageEntity m set m.accountId = :into where m.accountId = :from")
                .setParameter("into", merge.intoAccountId()).setParameter("from", merge.fromAccountId()).executeUpdate());
    }
}
