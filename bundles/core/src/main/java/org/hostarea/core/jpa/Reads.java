package org.hostarea.core.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.DomainException;

/**
 * Reads that may end in an expected refusal (404, 409, 422). Aries' template logs every exception that
 * passes through it as a rollback, so the refusal is carried out of the read and thrown after it; writes
 * let theirs pass through, since they must roll back.
 */
public final class Reads {

    private Reads() {
    }

    public static <T> T read(JpaTemplate jpa, Function<EntityManager, T> work) {
        DomainException[] refused = new DomainException[1];
        T result = jpa.txExpr(TransactionType.Supports, em -> {
            try {
                return work.apply(em);
            } catch (DomainException e) {
                refused[0] = e;
                return null;
            }
        });
        if (refused[0] != null) {
            throw refused[0];
        }
        return result;
    }
}
