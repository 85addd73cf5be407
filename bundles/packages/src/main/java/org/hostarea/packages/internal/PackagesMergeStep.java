package org.hostarea.packages.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.merge.AccountMerge;
import org.hostarea.core.merge.AccountMergeStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Packages, their domains, plan changes and history belong to the surviving customer number after a merge. */
@Component(service = AccountMergeStep.class)
public class PackagesMergeStep implements AccountMergeStep {

    private final JpaTemplate jpa;

    @Activate
    public PackagesMergeStep(@Reference(target = "(osgi.unit.name=packages)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String name() {
        return "packages";
    }

    @Override
    public void merge(AccountMerge merge) {
        jpa.tx(TransactionType.Required, em -> {
            for (String entity : List.of("PackageEntity", "DomainEntity", "PlanChangeEntity", "PackageEventEntity")) {
                em.createQuery("update " + entity + " e set e.accountId = :into where e.accountId = :from")
                        .setParameter("into", merge.intoAccountId()).setParameter("from", merge.fromAccountId()).executeUpdate();
            }
        });
    }
}
