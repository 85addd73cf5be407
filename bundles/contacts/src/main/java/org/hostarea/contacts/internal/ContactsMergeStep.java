package org.hostarea.contacts.internal;

import java.util.List;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.merge.AccountMerge;
import org.hostarea.core.merge.AccountMergeStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The contacts of a merged customer number join the surviving one. Role limits still hold: a contact whose role the
 * surviving number has filled already (one technical contact, at most three owners...) comes as a contact without a
 * role, keeping its email categories and verification. The master data is the merge request's choice (adopt data).
 */
@Component(service = AccountMergeStep.class)
public class ContactsMergeStep implements AccountMergeStep {

    private final JpaTemplate jpa;

    @Activate
    public ContactsMergeStep(@Reference(target = "(osgi.unit.name=contacts)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String name() {
        return "contacts";
    }

    @Override
    public void merge(AccountMerge merge) {
        jpa.tx(TransactionType.Required, em -> {
            // contact changes lock the account's profile row first; so does the merge (both rows, in id order)
            List.of(merge.fromAccountId(), merge.intoAccountId()).stream().sorted()
                    .forEach(id -> em.find(ProfileEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
            List<ContactEntity> moving = em.createQuery("select c from ContactEntity c where c.accountId = :from order by c.createdAt, c.id",
                    ContactEntity.class).setParameter("from", merge.fromAccountId()).getResultList();
            for (ContactEntity contact : moving) {
                boolean keepRole = contact.role() == null || em.createQuery("select count(c) from ContactEntity c where c.accountId = :a"
                        + " and c.role = :r", Long.class).setParameter("a", merge.intoAccountId()).setParameter("r", contact.role())
                        .getSingleResult() < contact.role().limit();
                em.createQuery("update ContactEntity c set c.accountId = :into" + (keepRole ? "" : ", c.role = null") + " where c.id = :id")
                        .setParameter("into", merge.intoAccountId()).setParameter("id", contact.id()).executeUpdate();
            }
        });
    }
}
