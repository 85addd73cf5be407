package org.hostarea.identity.internal;

import java.time.Clock;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.identity.SecurityEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The security audit log: every login, failure, lockout and credential change, with who and from where.
 * Entries about a change are written in the transaction of the change. Never a password or a token.
 */
@Component(service = SecurityLog.class)
public class SecurityLog {

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public SecurityLog(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /** Records an event in the caller's transaction. */
    void record(EntityManager em, String type, String accountId, String actor, String remoteAddress, String detail) {
        em.persist(new SecurityEventEntity(UUID.randomUUID().toString(), clock.instant(), type, accountId,
                truncate(actor, 120), truncate(remoteAddress, 64), truncate(detail, 500)));
    }

    /** Records an event in a transaction of its own (for events that change nothing else, like a failed login). */
    void record(String type, String accountId, String actor, String remoteAddress, String detail) {
        jpa.tx(TransactionType.Required, em -> record(em, type, accountId, actor, remoteAddress, detail));
    }

    /** Newest first, optionally of one account and/or one type. */
    public Page<SecurityEvent> page(String accountId, String type, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (accountId != null) {
            where.append(" and e.accountId = :a");
        }
        if (type != null) {
            where.append(" and e.type = :t");
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<SecurityEventEntity> items = em.createQuery("select e from SecurityEventEntity e" + where
                    + " order by e.at desc, e.id desc", SecurityEventEntity.class);
            TypedQuery<Long> count = em.createQuery("select count(e) from SecurityEventEntity e" + where, Long.class);
            if (accountId != null) {
                items.setParameter("a", accountId);
                count.setParameter("a", accountId);
            }
            if (type != null) {
                items.setParameter("t", type);
                count.setParameter("t", type);
            }
            return Page.of(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultStream()
                    .map(SecurityEventEntity::toDto).toList(), page, count.getSingleResult());
        });
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
