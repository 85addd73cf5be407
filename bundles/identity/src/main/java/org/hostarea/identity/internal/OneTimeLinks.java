package org.hostarea.identity.internal;

import java.time.Instant;
import java.util.Optional;

import javax.persistence.EntityManager;

/** Finding and consuming single-use links of any kind, the same way for all. */
final class OneTimeLinks {

    private OneTimeLinks() {
    }

    /** The link with this token hash, if it exists and is still usable. */
    static <T extends OneTimeLinkEntity> Optional<T> usable(EntityManager em, Class<T> type, String tokenHash, Instant now) {
        return em.createQuery("select l from " + type.getSimpleName() + " l where l.tokenHash = :h", type)
                .setParameter("h", tokenHash).getResultStream().findFirst().filter(link -> link.usable(now));
    }

    /** Marks the link used; false if a parallel request used it first (only one of them may go on). */
    static boolean consume(EntityManager em, Class<? extends OneTimeLinkEntity> type, String tokenHash, Instant now) {
        return em.createQuery("update " + type.getSimpleName() + " l set l.usedAt = :now where l.tokenHash = :h and l.usedAt is null")
                .setParameter("now", now.toEpochMilli()).setParameter("h", tokenHash).executeUpdate() == 1;
    }

    /** Voids every unused link of this kind of the account (after the credential it protects changed). */
    static void voidAll(EntityManager em, Class<? extends OneTimeLinkEntity> type, String accountId, Instant now) {
        em.createQuery("update " + type.getSimpleName() + " l set l.usedAt = :now where l.accountId = :a and l.usedAt is null")
                .setParameter("now", now.toEpochMilli()).setParameter("a", accountId).executeUpdate();
    }
}
