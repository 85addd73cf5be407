package org.hostarea.identity.internal;

import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.merge.HolderChange;
import org.hostarea.core.merge.HolderChangeStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A new contract holder starts without the old holder's people and secrets: the users the old holder invited lose
 * their link to the account (open invitations are voided), the package passwords the old holder set are revoked, and
 * every session on the account ends. The new holder invites and sets their own.
 */
@Component(service = HolderChangeStep.class)
public class IdentityHolderChangeStep implements HolderChangeStep {

    private final JpaTemplate jpa;
    private final SecurityLog securityLog;
    private final Clock clock;

    @Activate
    public IdentityHolderChangeStep(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa, @Reference SecurityLog securityLog,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
        this.securityLog = securityLog;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public void holderChanged(HolderChange change) {
        jpa.tx(TransactionType.Required, em -> {
            String account = change.accountId();
            int users = em.createQuery("delete from MembershipEntity m where m.accountId = :a").setParameter("a", account).executeUpdate();
            em.createQuery("update InvitationEntity i set i.usedAt = :now where i.accountId = :a and i.usedAt is null")
                    .setParameter("now", clock.millis()).setParameter("a", account).executeUpdate();
            int passwords = em.createQuery("delete from PackagePasswordEntity p where p.accountId = :a").setParameter("a", account)
                    .executeUpdate();
            em.createQuery("delete from SessionEntity s where s.accountId = :a").setParameter("a", account).executeUpdate();
            if (users + passwords > 0) {
                securityLog.record(em, "HOLDER_CHANGED", account, change.actor(), null, users + " user link(s) and " + passwords
                        + " package password(s) of the previous holder removed");
            }
        });
    }
}
