package org.hostarea.core.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;

/**
 * The paged search every list route does: a count and one page of an entity, filtered by equality on the fields
 * whose value is given ({@code null} values are no filter) and optionally by one fixed condition on {@code e}.
 */
public final class PagedQuery {

    private PagedQuery() {
    }

    /**
     * @param condition an extra JPQL condition on {@code e}, or {@code null}
     * @param orderBy the ordering, e.g. {@code e.createdAt desc, e.id}
     * @param filters pairs of a field of {@code e} and its value; a {@code null} value filters nothing
     */
    public static <E> Page<E> page(EntityManager em, Class<E> entity, String condition, String orderBy, PageRequest page,
            Object... filters) {
        StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        List<Object> values = new ArrayList<>();
        for (int i = 0; i + 1 < filters.length; i += 2) {
            if (filters[i + 1] != null) {
                values.add(filters[i + 1]);
                where.add("e." + filters[i] + " = ?" + values.size());
            }
        }
        if (condition != null) {
            where.add(condition);
        }
        String from = " from " + entity.getSimpleName() + " e" + where;
        TypedQuery<Long> count = em.createQuery("select count(e)" + from, Long.class);
        TypedQuery<E> items = em.createQuery("select e" + from + " order by " + orderBy, entity);
        for (int i = 0; i < values.size(); i++) {
            count.setParameter(i + 1, values.get(i));
            items.setParameter(i + 1, values.get(i));
        }
        return Page.of(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), page, count.getSingleResult());
    }
}
