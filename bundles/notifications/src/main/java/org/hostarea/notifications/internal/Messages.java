package org.hostarea.notifications.internal;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.notifications.Message;
import org.hostarea.notifications.MessageStatus;

/** Queries on the outbox. The only class besides the services that touches message rows. */
final class Messages {

    private Messages() {
    }

    static Optional<MessageEntity> byIdempotencyKey(EntityManager em, String key) {
        return em.createQuery("select m from MessageEntity m where m.idempotencyKey = :k", MessageEntity.class)
                .setParameter("k", key).getResultStream().findFirst();
    }

    /** A page newest first, optionally filtered by one condition on parameter {@code :v}. */
    static Page<Message> page(EntityManager em, String condition, Object value, PageRequest page) {
        String where = condition == null ? "" : " where " + condition;
        TypedQuery<MessageEntity> query = em.createQuery("select m from MessageEntity m" + where
                + " order by m.createdAt desc, m.id desc", MessageEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(m) from MessageEntity m" + where, Long.class);
        if (condition != null) {
            query.setParameter("v", value);
            count.setParameter("v", value);
        }
        List<Message> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultStream()
                .map(MessageEntity::toDto).toList();
        return Page.of(items, page, count.getSingleResult());
    }

    /** Ids of QUEUED messages of the given channels that are due and not leased. */
    static List<String> due(EntityManager em, List<String> channels, long now, int limit) {
        return em.createQuery("select m.id from MessageEntity m where m.status = :queued and m.channel in :channels"
                + " and m.nextAttemptAt <= :now and (m.leaseUntil is null or m.leaseUntil < :now)"
                + " order by m.nextAttemptAt, m.createdAt", String.class)
                .setParameter("queued", MessageStatus.QUEUED).setParameter("channels", channels)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** Takes the lease of a due message for one dispatcher; false if another one was quicker. */
    static boolean claim(EntityManager em, String id, String owner, long now, long until) {
        return em.createQuery("update MessageEntity m set m.leaseOwner = :owner, m.leaseUntil = :until"
                + " where m.id = :id and m.status = :queued and (m.leaseUntil is null or m.leaseUntil < :now)")
                .setParameter("owner", owner).setParameter("until", until).setParameter("id", id)
                .setParameter("queued", MessageStatus.QUEUED).setParameter("now", now).executeUpdate() == 1;
    }

    /** Gives a lease back without an attempt (the channel went away before delivery). */
    static void release(EntityManager em, String id, String owner) {
        em.createQuery("update MessageEntity m set m.leaseOwner = null, m.leaseUntil = null where m.id = :id and m.leaseOwner = :owner")
                .setParameter("id", id).setParameter("owner", owner).executeUpdate();
    }

    /** FAILED → QUEUED with fresh attempts; false if the message is not FAILED (any more). */
    static boolean requeue(EntityManager em, String id, long now) {
        return em.createQuery("update MessageEntity m set m.status = :queued, m.attempts = 0, m.nextAttemptAt = :now,"
                + " m.lastError = null where m.id = :id and m.status = :failed")
                .setParameter("queued", MessageStatus.QUEUED).setParameter("now", now).setParameter("id", id)
                .setParameter("failed", MessageStatus.FAILED).executeUpdate() == 1;
    }

    static int deleteCreatedBefore(EntityManager em, long cutoff, int limit) {
        List<String> ids = em.createQuery("select m.id from MessageEntity m where m.createdAt < :cutoff", String.class)
                .setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from MessageEntity m where m.id in :ids").setParameter("ids", ids).executeUpdate();
    }
}
