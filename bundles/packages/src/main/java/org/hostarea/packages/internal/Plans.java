package org.hostarea.packages.internal;

import java.util.Optional;

import javax.persistence.EntityManager;

import org.hostarea.packages.PlanChangeStatus;

/** Plan queries shared by the catalog and the packages. */
final class Plans {

    private Plans() {
    }

    static Optional<PlanEntity> byCode(EntityManager em, String code) {
        return em.createQuery("select p from PlanEntity p where p.code = :c", PlanEntity.class).setParameter("c", code)
                .getResultStream().findFirst();
    }

    /** Whether a package has the plan, or a scheduled downgrade goes to it. */
    static boolean inUse(EntityManager em, String code) {
        return em.createQuery("select count(p) from PackageEntity p where p.planCode = :c", Long.class).setParameter("c", code)
                .getSingleResult() > 0
                || em.createQuery("select count(c) from PlanChangeEntity c where c.toPlan = :c and c.status = :s", Long.class)
                        .setParameter("c", code).setParameter("s", PlanChangeStatus.SCHEDULED)
                        .getSingleResult() > 0;
    }
}
