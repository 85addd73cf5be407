package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.BankEntry;
import org.hostarea.billing.BankEntryStatus;
import org.hostarea.billing.BankStatementService;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.billing.PaymentService;
import org.hostarea.billing.PaymentStatus;
import org.hostarea.billing.StatementImport;
import org.hostarea.billing.spi.PaymentOutcome;
import org.hostarea.billing.spi.PaymentResult;
import org.hostarea.core.ConflictException;
import org.hostarea.core.Money;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.ValidationException;
import org.hostarea.core.jpa.PagedQuery;
import org.hostarea.core.jpa.Reads;
import org.hostarea.core.jpa.Writes;
import org.hostarea.identity.AccountService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * camt.053 import. Each booked credit line is taken in its own transaction together with what it records:
 * the line's unique key (account and the bank's reference of the line) is inserted first, so a line seen
 * before records nothing, whether the statement comes again or two imports race. A line whose reference
 * names UNPAID invoices of one account and currency that together owe exactly its amount is MATCHED: it
 * completes the customer's PENDING bank-transfer payment for those invoices and that amount if there is
 * one, else records a new {@value #GATEWAY} payment. Anything else is left UNMATCHED or AMBIGUOUS for staff.
 */
@Component(service = BankStatementService.class)
public class BankStatementServiceImpl implements BankStatementService {

    static final String GATEWAY = "banktransfer";
    private static final Pattern INVOICE_NUMBER = Pattern.compile("(?<![A-Za-z0-9-])(?:[A-Z]{1,5}-)?\\d{4}-\\d{6}(?![0-9])");

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccountService accounts;
    private final PaymentService payments;
    private final PaymentPostings postings;
    private final SettlementTrigger settlement;

    /** What a line pays, decided before its transaction (and checked again inside it through the locks). */
    private record Match(BankEntryStatus status, List<InvoiceEntity> invoices, String note) {
    }

    @Activate
    public BankStatementServiceImpl(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference AccountService accounts,
            @Reference PaymentService payments, @Reference PaymentPostings postings, @Reference SettlementTrigger settlement) {
        this.settlement = settlement;
        this.jpa = jpa;
        this.clock = clock;
        this.accounts = accounts;
        this.payments = payments;
        this.postings = postings;
    }

    @Override
    public StatementImport importStatement(byte[] xml, String actor) {
        CamtStatement.Parsed statement;
        try {
            statement = CamtStatement.parse(xml);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("statement-invalid", "The bank statement cannot be read: " + e.getMessage(), List.of());
        }
        int duplicates = 0;
        List<BankEntry> entries = new ArrayList<>();
        for (CamtStatement.Line line : statement.credits()) {
            String key = key(statement, line);
            if (Reads.read(jpa, em -> em.createQuery("select count(e) from BankEntryEntity e where e.entryKey = :k", Long.class)
                    .setParameter("k", key).getSingleResult()) > 0) {
                duplicates++;
                continue;
            }
            Match match = match(line);
            if (match.status() == BankEntryStatus.MATCHED) {
                CreditServiceImpl.ensureLedger(jpa, match.invoices().get(0).accountId(), line.amount().currency().getCurrencyCode());
            }
            try {
                entries.add(take(statement, line, key, match));
            } catch (ConflictException e) {
                duplicates++; // imported concurrently a moment ago
            }
        }
        if (entries.stream().anyMatch(e -> e.status() == BankEntryStatus.MATCHED)) {
            settlement.paid(null);
        }
        return new StatementImport(statement.statementId(), statement.credits().size(), statement.skipped(), duplicates, entries);
    }

    private BankEntry take(CamtStatement.Parsed statement, CamtStatement.Line line, String key, Match match) {
        return jpa.txExpr(TransactionType.Required, em -> {
            BankEntryEntity entry = new BankEntryEntity(UUID.randomUUID().toString(), key, line, statement.statementId(), match.status(),
                    null, match.note(), clock.instant());
            em.persist(entry);
            Writes.flushUnique(em, () -> new ConflictException("bank-entry-seen", "This statement line was taken already."));
            if (match.status() != BankEntryStatus.MATCHED) {
                return entry.toDto();
            }
            String reference = "bank statement " + (line.bankReference() != null ? line.bankReference() : statement.statementId());
            String pending = pendingTransfer(em, match.invoices(), line.amount());
            String paymentId;
            if (pending != null) {
                paymentId = payments.settle(pending, PaymentResult.of(PaymentOutcome.COMPLETED, reference, "transfer received")).id();
            } else {
                Instant now = clock.instant();
                List<PaymentAllocationEmbeddable> allocations = match.invoices().stream()
                        .map(i -> new PaymentAllocationEmbeddable(i.id(), i.number(), i.amountDue())).toList();
                PaymentEntity payment = new PaymentEntity(UUID.randomUUID().toString(), match.invoices().get(0).accountId(), GATEWAY,
                        line.amount(), allocations, now);
                em.persist(payment);
                postings.complete(em, payment, PaymentResult.of(PaymentOutcome.COMPLETED, reference, "transfer received"),
                        accounts.get(payment.accountId()));
                paymentId = payment.id();
            }
            entry.recorded(paymentId);
            return entry.toDto();
        });
    }

    /** The customer's open bank-transfer payment for exactly these invoices and this amount, if any. */
    private static String pendingTransfer(EntityManager em, List<InvoiceEntity> invoices, Money amount) {
        Set<String> wanted = new LinkedHashSet<>(invoices.stream().map(InvoiceEntity::id).toList());
        for (PaymentEntity payment : em.createQuery("select p from PaymentEntity p where p.accountId = :a and p.gateway = :g"
                + " and p.status in :open order by p.createdAt", PaymentEntity.class).setParameter("a", invoices.get(0).accountId())
                .setParameter("g", GATEWAY).setParameter("open", List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN)).getResultList()) {
            Set<String> paid = new LinkedHashSet<>(payment.allocations().stream().map(PaymentAllocationEmbeddable::invoiceId).toList());
            if (paid.equals(wanted) && payment.amount().equals(amount)) {
                return payment.id();
            }
        }
        return null;
    }

    /** Reads which invoices the line's reference names and whether its amount pays exactly what they owe. */
    private Match match(CamtStatement.Line line) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = INVOICE_NUMBER.matcher(line.reference() == null ? "" : line.reference());
        while (m.find()) {
            numbers.add(m.group());
        }
        if (numbers.isEmpty()) {
            return new Match(BankEntryStatus.UNMATCHED, List.of(), "no invoice number in the reference");
        }
        List<InvoiceEntity> invoices = Reads.read(jpa, em -> em.createQuery("select i from InvoiceEntity i where i.number in :n",
                InvoiceEntity.class).setParameter("n", numbers).getResultList());
        if (invoices.size() != numbers.size()) {
            return new Match(invoices.isEmpty() ? BankEntryStatus.UNMATCHED : BankEntryStatus.AMBIGUOUS, List.of(),
                    "names invoice numbers Hostarea does not have");
        }
        String account = invoices.get(0).accountId();
        String currency = line.amount().currency().getCurrencyCode();
        BigDecimal owed = BigDecimal.ZERO;
        for (InvoiceEntity invoice : invoices) {
            if (!invoice.accountId().equals(account) || !invoice.currency().equals(currency)) {
                return new Match(BankEntryStatus.AMBIGUOUS, List.of(), "names invoices of several accounts or currencies");
            }
            if (invoice.status() != InvoiceStatus.UNPAID) {
                return new Match(BankEntryStatus.AMBIGUOUS, List.of(), "invoice " + invoice.number() + " is " + invoice.status());
            }
            owed = owed.add(invoice.amountDue());
        }
        if (owed.compareTo(line.amount().amount()) != 0) {
            return new Match(BankEntryStatus.AMBIGUOUS, List.of(), "the amount differs from the " + Money.of(owed, currency) + " owed");
        }
        return new Match(BankEntryStatus.MATCHED, invoices, null);
    }

    @Override
    public Page<BankEntry> entries(BankEntryStatus status, PageRequest page) {
        return Reads.read(jpa, em -> PagedQuery.page(em, BankEntryEntity.class, null, "e.importedAt desc, e.id", page,
                "status", status).map(BankEntryEntity::toDto));
    }

    /** The account and the bank's reference of the line; without one, the statement, position and content. */
    private static String key(CamtStatement.Parsed statement, CamtStatement.Line line) {
        String identity = statement.account() + "|" + (line.bankReference() != null ? "ref:" + line.bankReference()
                : statement.statementId() + "#" + line.index() + "|" + line.amount() + "|" + line.bookingDate() + "|" + line.reference());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
