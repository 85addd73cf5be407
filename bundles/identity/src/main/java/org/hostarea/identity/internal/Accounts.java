package org.hostarea.identity.internal;

import java.util.Optional;

import javax.persistence.EntityManager;

/** Queries on accounts. The only class besides the services that touches account rows. */
final class Accounts {

    private Accounts() {
    }

    static Optional<AccountEntity> byCustomerNumber(EntityManager em, String customerNumber) {
        return em.createQuery("select a from AccountEntity a where a.customerNumber = :n", AccountEntity.class)
                .setParameter("n", customerNumber).getResultStream().findFirst();
    }

    static Optional<AccountEntity> byEmail(EntityManager em, String email) {
        return em.createQuery("select a from AccountEntity a where a.emailKey = :e", AccountEntity.class)
                .setParameter("e", AccountEntity.emailKey(email)).getResultStream().findFirst();
    }

    /** By customer number if the login is one, by owner email otherwise. */
    static Optional<AccountEntity> byLogin(EntityManager em, String login) {
        return CustomerNumbers.valid(login) ? byCustomerNumber(em, login) : byEmail(em, login);
    }

    static boolean customerNumberTaken(EntityManager em, String customerNumber) {
        return em.createQuery("select count(a) from AccountEntity a where a.customerNumber = :n", Long.class)
                .setParameter("n", customerNumber).getSingleResult() > 0;
    }
}
