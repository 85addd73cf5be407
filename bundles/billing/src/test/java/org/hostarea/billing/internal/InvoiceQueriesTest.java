package org.hostarea.billing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.hostarea.billing.Invoice;
import org.hostarea.billing.InvoiceLineInput;
import org.hostarea.billing.NewInvoice;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The customer's invoice list is the most called read of the product: a page of invoices costs a fixed number of SQL
 * statements whatever its size (no statement per invoice for its lines), and invoices read that way stay writable.
 */
class InvoiceQueriesTest {

    private static LocalJpa jpa;
    private static InvoiceServiceImpl invoices;
    private static final String ACCOUNT = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        jpa = new LocalJpa("queries" + UUID.randomUUID().toString().substring(0, 8));
        invoices = new BillingFixture(jpa, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC)).invoices;
        for (int i = 0; i < 25; i++) {
            List<InvoiceLineInput> lines = List.of(
                    new InvoiceLineInput("Hosting " + i, null, null, null, BigDecimal.ONE, new BigDecimal("9.90"), BigDecimal.ZERO),
                    new InvoiceLineInput("Domain " + i, null, null, null, BigDecimal.ONE, new BigDecimal("1.10"), BigDecimal.ZERO));
            invoices.issue(invoices.create(new NewInvoice(ACCOUNT, "EUR", null, lines, null), "test").id(), "test");
        }
    }

    @AfterAll
    static void stop() {
        jpa.close();
    }

    @Test
    void aPageOfInvoicesCostsTheSameFewStatementsWhateverItsSize() {
        long small = statementsFor(PageRequest.of(0, 2));
        long full = statementsFor(PageRequest.of(0, 20));
        assertEquals(small, full, "statements for a page of 2 and a page of 20");
        assertTrue(full <= 3, "count, page and the lines of the page in one statement each: " + full);
        Page<Invoice> page = invoices.invoices(ACCOUNT, null, PageRequest.of(0, 20));
        assertEquals(20, page.items().size());
        assertEquals(25, page.total());
        assertTrue(page.items().stream().allMatch(invoice -> invoice.lines().size() == 2
                && invoice.lines().get(0).description().startsWith("Hosting ") && invoice.lines().get(1).description().startsWith("Domain ")),
                "every invoice of the page has its two lines in order");
    }

    @Test
    void invoicesReadAsAPageCanBeChangedInTheSameTransaction() {
        // EclipseLink has known bugs with batch-read element collections of embeddables (eclipselink#921): an invoice
        // of a page read in a transaction must still be changed and committed there
        String paid = jpa.txExpr(em -> {
            List<InvoiceEntity> page = em.createQuery("select e from InvoiceEntity e where e.accountId = :a and e.number is not null"
                    + " order by e.createdAt desc, e.id", InvoiceEntity.class).setParameter("a", ACCOUNT).setMaxResults(5).getResultList();
            assertEquals(2, page.get(4).lines().size());
            page.get(4).paid(new BigDecimal("1.00"));
            return page.get(4).id();
        });
        Invoice after = invoices.get(paid);
        assertEquals(0, new BigDecimal("1.00").compareTo(after.amountPaid().amount()));
        assertEquals(2, after.lines().size());
    }

    private static long statementsFor(PageRequest request) {
        long before = jpa.statements();
        invoices.invoices(ACCOUNT, null, request);
        return jpa.statements() - before;
    }
}
