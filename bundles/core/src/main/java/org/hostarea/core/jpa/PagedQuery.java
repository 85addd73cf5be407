package org.hostarea.core.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;

/**
 * The paged search every list route does: a count and one page of an entity, filtered by equality on the fields
 * whose value is given ({@code null} values are no filter) and optionally by one fixed condition on {@code e}.
 */
public final class PagedQuery {

    /** EclipseLink's {@code QueryHints.READ_ONLY}, by name: the core bundle does not depend on EclipseLink. */
    private static final String READ_ONLY = "eclipselink.read-only";

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
        // read-only: the page is turned into answers, never changed, so EclipseLink keeps no working copies of it
        List<E> found = items.setHint(READ_ONLY, "true").setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(found, page, total(found.size(), page, count::getSingleResult));
    }

    /**
     * The total without a count query where the page tells it: a page that is not full (and not past the end) is the
     * last one. Most customers have fewer items than one page, so their lists cost one query instead of two.
     */
    static long total(int found, PageRequest page, Supplier<Long> count) {
        return found < page.size() && (found > 0 || page.offset() == 0) ? page.offset() + (long) found : count.get();
    }
}
