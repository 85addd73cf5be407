package org.hostarea.forms.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.merge.AccountMerge;
import org.hostarea.core.merge.AccountMergeStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The requests of a merged customer number, and those that concern it, belong to the surviving number. */
@Component(service = AccountMergeStep.class)
public class FormsMergeStep implements AccountMergeStep {

    private final JpaTemplate jpa;

    @Activate
    public FormsMergeStep(@Reference(target = "(osgi.unit.name=forms)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String name() {
        return "forms";
    }

    @Override
    public void merge(AccountMerge merge) {
        jpa.tx(TransactionType.Required, em -> {
            em.createQuery("update FormRequestEntity e set e.accountId = :into where e.accountId = :from")
                    .setParameter("into", merge.intoAccountId()).setParameter("from", merge.fromAccountId()).executeUpdate();
            // the merge request itself names the merged number as its other party: it stays as it was filed
            em.createQuery("update FormRequestEntity e set e.otherAccountId = :into where e.otherAccountId = :from"
                    + " and e.id <> :merge").setParameter("into", merge.intoAccountId()).setParameter("from", merge.fromAccountId())
                    .setParameter("merge", merge.reference()).executeUpdate();
        });
    }
}
