package org.hostarea.identity.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.merge.AccountMerge;
import org.hostarea.core.merge.AccountMergeStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Identity's part of a merge: invited users keep the permissions the merged number granted them, now on the surviving
 * number (a user linked to both keeps what the surviving holder granted: a merge never widens a grant there); open
 * invitations and package passwords move along. Closing the merged number is the merge's last act
 * ({@link AccountServiceImpl#closeMerged}).
 */
@Component(service = AccountMergeStep.class)
public class IdentityMergeStep implements AccountMergeStep {

    private final JpaTemplate jpa;

    @Activate
    public IdentityMergeStep(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public void merge(AccountMerge merge) {
        jpa.tx(TransactionType.Required, em -> {
            List<MembershipEntity> moving = em.createQuery("select m from MembershipEntity m where m.accountId = :from order by m.id",
                    MembershipEntity.class).setParameter("from", merge.fromAccountId()).getResultList();
            for (MembershipEntity membership : moving) {
                long there = em.createQuery("select count(m) from MembershipEntity m where m.accountId = :into and m.userId = :user",
                        Long.class).setParameter("into", merge.intoAccountId()).setParameter("user", membership.userId()).getSingleResult();
                if (there > 0) {
                    em.remove(membership);
                } else {
                    em.createQuery("update MembershipEntity m set m.accountId = :into where m.id = :id")
                            .setParameter("into", merge.intoAccountId()).setParameter("id", membership.id()).executeUpdate();
                }
            }
            em.createQuery("update InvitationEntity i set i.accountId = :into where i.accountId = :from and i.usedAt is null")
                    .setParameter("into", merge.intoAccountId()).setParameter("from", merge.fromAccountId()).executeUpdate();
            em.createQuery("update PackagePasswordEntity p set p.accountId = :into where p.accountId = :from")
                    .setParameter("into", merge.intoAccountId()).setParameter("from", merge.fromAccountId()).executeUpdate();
        });
    }
}
