package org.hostarea.identity.internal;

import javax.persistence.EntityManager;

/** Queries on invited users and their memberships. */
final class Memberships {

    private Memberships() {
    }

    static MembershipEntity of(EntityManager em, String userId, String accountId) {
        return em.createQuery("select m from MembershipEntity m where m.userId = :u and m.accountId = :a", MembershipEntity.class)
                .setParameter("u", userId).setParameter("a", accountId).getResultStream().findFirst().orElse(null);
    }

    static MembershipEntity first(EntityManager em, String userId) {
        return em.createQuery("select m from MembershipEntity m where m.userId = :u order by m.createdAt, m.id", MembershipEntity.class)
                .setParameter("u", userId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** The invited user with this login email, or {@code null}. */
    static UserEntity userByEmail(EntityManager em, String email) {
        return em.createQuery("select u from UserEntity u where u.emailKey = :e", UserEntity.class)
                .setParameter("e", UserEntity.key(email)).getResultStream().findFirst().orElse(null);
    }
}
