package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.CreditEntryKind;
import org.hostarea.billing.Invoice;
import org.hostarea.billing.InvoiceKind;
import org.hostarea.billing.InvoiceLine;
import org.hostarea.billing.InvoiceLineInput;
import org.hostarea.billing.InvoiceService;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.billing.NewInvoice;
import org.hostarea.billing.internal.pdf.InvoiceDocument;
import org.hostarea.billing.internal.pdf.InvoicePdf;
import org.hostarea.contacts.ContactService;
import org.hostarea.contacts.Profile;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.Money;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.RuleViolationException;
import org.hostarea.core.jpa.PagedQuery;
import org.hostarea.core.jpa.Reads;
import org.hostarea.core.jpa.Writes;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invoices. Numbers are handed out at issue from a per-series-and-year sequence row that the issuing
 * transaction locks: the number, the status change and the "invoice issued" mail commit together or not
 * at all, so numbers are consecutive with no gap and no repeat, however many issue at once.
 */
@Component(service = {InvoiceService.class, InvoiceServiceImpl.class}, configurationPid = BillingConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BillingConfiguration.class)
public class InvoiceServiceImpl implements InvoiceService {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceServiceImpl.class);

    static final String ISSUED_TEMPLATE = "billing.invoice-issued";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccountService accounts;
    private final ContactService contacts;
    private final NotificationService notifications;
    private final CreditServiceImpl credit;
    private volatile BillingConfiguration config;
    private volatile ZoneId zone;

    @Activate
    public InvoiceServiceImpl(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference AccountService accounts,
            @Reference ContactService contacts, @Reference NotificationService notifications, @Reference CreditServiceImpl credit,
            BillingConfiguration config) {
        this.credit = credit;
        this.jpa = jpa;
        this.clock = clock;
        this.accounts = accounts;
        this.contacts = contacts;
        this.notifications = notifications;
        configure(config);
    }

    @Modified
    void configure(BillingConfiguration config) {
        this.config = config;
        this.zone = ZoneId.of(config.zone());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // --- customer ----------------------------------------------------------------------------------------

    @Override
    public Page<Invoice> invoices(String accountId, InvoiceStatus status, PageRequest page) {
        if (status == InvoiceStatus.DRAFT) {
            return Page.of(List.of(), page, 0);
        }
        return query(Objects.requireNonNull(accountId, "accountId"), status, true, page);
    }

    @Override
    public Invoice get(String accountId, String invoiceId) {
        return Reads.read(jpa, em -> toDto(visible(em, Objects.requireNonNull(accountId, "accountId"), invoiceId)));
    }

    @Override
    public byte[] pdf(String accountId, String invoiceId) {
        Invoice invoice = get(accountId, invoiceId);
        Account account = accounts.get(invoice.accountId());
        Profile profile = contacts.profile(invoice.accountId());
        return InvoicePdf.render(document(invoice, account, profile));
    }

    // --- staff -------------------------------------------------------------------------------------------

    @Override
    public Invoice create(NewInvoice input, String actor) {
        InvoiceRules.Checked invoice = InvoiceRules.check(input);
        try {
            accounts.get(invoice.accountId());
        } catch (NotFoundException e) {
            FieldChecks checks = new FieldChecks();
            checks.reject("accountId", "is not an account");
            checks.throwIfAny();
        }
        int dueDays = invoice.dueDays() != null ? invoice.dueDays() : Math.max(0, config.invoice_dueDays());
        return jpa.txExpr(TransactionType.Required, em -> {
            InvoiceEntity entity = new InvoiceEntity(UUID.randomUUID().toString(), invoice.accountId(), InvoiceKind.STANDARD, invoice.series(),
                    invoice.currency().getCurrencyCode(), dueDays, invoice.lines(), clock.instant(), actor);
            em.persist(entity);
            return toDto(entity);
        });
    }

    /**
     * Drafts and issues an invoice once per source (a unique key: a repeat answers the first invoice), in the
     * caller's transaction if there is one.
     */
    Invoice createOnce(NewInvoice input, String sourceKey, String actor) {
        InvoiceEntity existing = Reads.read(jpa, em -> em.createQuery("select i from InvoiceEntity i where i.sourceKey = :k",
                InvoiceEntity.class).setParameter("k", sourceKey).getResultStream().findFirst().orElse(null));
        if (existing != null) {
            return toDto(existing);
        }
        InvoiceRules.Checked invoice = InvoiceRules.check(input);
        int dueDays = invoice.dueDays() != null ? invoice.dueDays() : Math.max(0, config.invoice_dueDays());
        String id = jpa.txExpr(TransactionType.Required, em -> {
            InvoiceEntity entity = new InvoiceEntity(UUID.randomUUID().toString(), invoice.accountId(), InvoiceKind.STANDARD,
                    invoice.series(), invoice.currency().getCurrencyCode(), dueDays, invoice.lines(), clock.instant(), actor);
            entity.sourceKey(sourceKey);
            em.persist(entity);
            Writes.flushUnique(em, () -> new ConflictException("invoice-source-taken", "Billed already."));
            return entity.id();
        });
        return issueOnly(id, actor);
    }

    BillingConfiguration configuration() {
        return config;
    }

    @Override
    public Invoice addFunds(String accountId, String currency, BigDecimal amount, String actor) {
        FieldChecks checks = new FieldChecks();
        java.util.Currency code = checks.currency("currency", currency);
        Money funds = code == null ? null : InvoiceRules.positive(checks, "amount", amount, code);
        checks.throwIfAny();
        InvoiceRules.Checked invoice = InvoiceRules.check(new NewInvoice(accountId, currency, null, List.of(new InvoiceLineInput(
                "Add funds", null, null, null, BigDecimal.ONE, funds.amount(), BigDecimal.ZERO)), 0));
        String id = jpa.txExpr(TransactionType.Required, em -> {
            InvoiceEntity entity = new InvoiceEntity(UUID.randomUUID().toString(), accountId, InvoiceKind.ADD_FUNDS, "",
                    invoice.currency().getCurrencyCode(), Math.max(0, config.invoice_dueDays()), invoice.lines(), clock.instant(), actor);
            em.persist(entity);
            return entity.id();
        });
        return issue(id, actor);
    }

    @Override
    public Invoice refund(String invoiceId, String reason, String actor) {
        FieldChecks checks = new FieldChecks();
        String why = checks.optionalText("reason", reason, 500);
        checks.throwIfAny();
        Invoice current = get(invoiceId);
        if (current.status() != InvoiceStatus.PAID || current.total().isZero()) {
            throw new RuleViolationException("invoice-not-refundable", "Only a PAID invoice with an amount can be refunded.");
        }
        CreditServiceImpl.ensureLedger(jpa, current.accountId(), current.currency());
        return jpa.txExpr(TransactionType.Required, em -> {
            CreditServiceImpl.lockLedger(em, current.accountId(), current.currency());
            InvoiceEntity invoice = em.find(InvoiceEntity.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
            if (invoice.status() != InvoiceStatus.PAID) {
                throw new RuleViolationException("invoice-not-refundable", "Only a PAID invoice can be refunded.");
            }
            Money paid = Money.of(invoice.amountPaid(), invoice.currency());
            if (invoice.kind() == InvoiceKind.ADD_FUNDS) {
                Money balance = CreditServiceImpl.balance(em, invoice.accountId(), invoice.currency());
                if (balance.compareTo(paid) < 0) {
                    throw new RuleViolationException("credit-spent", "The funds this invoice added are used already (balance "
                            + balance + ").");
                }
                CreditServiceImpl.append(em, invoice.accountId(), paid.negate(), CreditEntryKind.REFUND, invoiceId,
                        "refund of " + invoice.number(), actor, null, null, clock.instant());
            } else {
                BigDecimal fromCredit = CreditServiceImpl.appliedTo(em, invoiceId);
                if (fromCredit.signum() > 0) {
                    CreditServiceImpl.append(em, invoice.accountId(), Money.of(fromCredit, invoice.currency()), CreditEntryKind.REFUND,
                            invoiceId, "refund of " + invoice.number(), actor, null, null, clock.instant());
                }
            }
            invoice.refund(why);
            return toDto(invoice);
        });
    }

    @Override
    public Page<Invoice> search(String accountId, InvoiceStatus status, PageRequest page) {
        return query(accountId, status, false, page);
    }

    @Override
    public Invoice get(String invoiceId) {
        return Reads.read(jpa, em -> toDto(find(em, invoiceId)));
    }

    @Override
    public Invoice issue(String invoiceId, String actor) {
        Invoice issued = issueOnly(invoiceId, actor);
        return config.credit_autoApply() ? applyCredit(issued) : issued;
    }

    /**
     * Pays a just-issued invoice from the account's credit, in its own transaction (ledger, then invoice: the usual
     * lock order); a failure leaves the invoice UNPAID and is logged, never undoes the issue.
     */
    Invoice applyCredit(Invoice issued) {
        if (issued.status() != InvoiceStatus.UNPAID || issued.kind() != InvoiceKind.STANDARD) {
            return issued;
        }
        boolean hasCredit = credit.balances(issued.accountId()).stream()
                .anyMatch(b -> b.currency().equals(issued.currency()) && b.balance().isPositive());
        if (!hasCredit) {
            return issued;
        }
        try {
            credit.applyToInvoice(issued.accountId(), issued.id(), null, "auto-credit:" + issued.id(), "system");
        } catch (RuntimeException e) {
            LOG.warn("credit not applied to invoice {}: {}", issued.number(), e.toString());
        }
        return get(issued.id());
    }

    private Invoice issueOnly(String invoiceId, String actor) {
        Invoice draft = get(invoiceId);
        if (draft.status() != InvoiceStatus.DRAFT) {
            throw notDraft();
        }
        LocalDate today = today();
        String sequence = prepareSequence(draft.series(), today);
        Account account = accounts.get(draft.accountId());
        return jpa.txExpr(TransactionType.Required, em -> {
            InvoiceEntity invoice = em.find(InvoiceEntity.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
            if (invoice.status() != InvoiceStatus.DRAFT) {
                throw notDraft(); // issued by a concurrent request a moment ago
            }
            return issueIn(em, invoice, sequence, today, null, account);
        });
    }

    /**
     * Issues a DRAFT in the caller's transaction: locks the sequence (created beforehand by {@link #prepareSequence}),
     * takes the next number, queues the "invoice issued" mail.
     *
     * @param dueOn the due date, or {@code null} for the invoice's days to pay from today
     */
    Invoice issueIn(EntityManager em, InvoiceEntity invoice, String sequence, LocalDate today, LocalDate dueOn, Account account) {
        InvoiceSequenceEntity counter = em.find(InvoiceSequenceEntity.class, sequence, LockModeType.PESSIMISTIC_WRITE);
        String series = invoice.series();
        String number = (series.isEmpty() ? "" : series + "-") + today.getYear() + "-" + String.format("%06d", counter.next());
        if (dueOn == null) {
            invoice.issue(number, today);
        } else {
            invoice.issue(number, today, dueOn);
        }
        Invoice issued = toDto(invoice);
        notifications.send(new OutgoingMessage(ISSUED_TEMPLATE, account.id(), account.language(), OutgoingMessage.EMAIL,
                List.of(account.email()), "INVOICES", Map.of("name", account.ownerName(), "number", number,
                "total", issued.total().toString(), "dueDate", issued.dueDate().toString(),
                "customerNumber", account.customerNumber()), "invoice-issued:" + invoice.id(), false));
        return issued;
    }

    /** The sequence of a series in the year of {@code today}, its row created if it is the first invoice of it. */
    String prepareSequence(String series, LocalDate today) {
        String sequence = series + ":" + today.getYear();
        ensureSequence(sequence);
        return sequence;
    }

    /** Creates the sequence row of a series and year once; a concurrent creator's row is as good as ours. */
    private void ensureSequence(String sequence) {
        if (Reads.read(jpa, em -> em.find(InvoiceSequenceEntity.class, sequence)) != null) {
            return;
        }
        try {
            jpa.tx(TransactionType.RequiresNew, em -> {
                em.persist(new InvoiceSequenceEntity(sequence));
                Writes.flushUnique(em, SequenceExists::new);
            });
        } catch (SequenceExists e) {
            // created concurrently: fine
        }
    }

    /** Another node or request created the sequence row first. */
    private static final class SequenceExists extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SequenceExists() {
            super(null, null, false, false);
        }
    }

    @Override
    public Invoice cancel(String invoiceId, String reason, String actor) {
        FieldChecks checks = new FieldChecks();
        String why = checks.optionalText("reason", reason, 500);
        checks.throwIfAny();
        Invoice current = get(invoiceId);
        if (current.status() != InvoiceStatus.DRAFT && current.status() != InvoiceStatus.UNPAID) {
            throw notCancellable(current.status());
        }
        CreditServiceImpl.ensureLedger(jpa, current.accountId(), current.currency());
        return jpa.txExpr(TransactionType.Required, em -> {
            // the ledger first, then the invoice: the order every credit movement locks in
            CreditServiceImpl.lockLedger(em, current.accountId(), current.currency());
            InvoiceEntity invoice = em.find(InvoiceEntity.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
            if (invoice.status() != InvoiceStatus.DRAFT && invoice.status() != InvoiceStatus.UNPAID) {
                throw notCancellable(invoice.status());
            }
            // whatever was paid of it (by credit or by a gateway) is the customer's money: it goes to the credit
            BigDecimal paid = invoice.amountPaid();
            if (paid.signum() > 0 && invoice.kind() == InvoiceKind.ADD_FUNDS) {
                invoice.reverse(paid); // its payments are credit already
            } else if (paid.signum() > 0) {
                CreditServiceImpl.append(em, invoice.accountId(), Money.of(paid, invoice.currency()), CreditEntryKind.REVERSAL,
                        invoiceId, "invoice " + invoice.number() + " cancelled", actor, null, null, clock.instant());
                invoice.reverse(paid);
            }
            invoice.cancel(why);
            // a cancelled renewal bills nothing: the next renewal run bills the term again (unless the package ended)
            em.createQuery("delete from RenewalEntity r where r.invoiceId = :invoice").setParameter("invoice", invoiceId).executeUpdate();
            return toDto(invoice);
        });
    }

    // --- shared ------------------------------------------------------------------------------------------

    private Page<Invoice> query(String accountId, InvoiceStatus status, boolean issuedOnly, PageRequest page) {
        return Reads.read(jpa, em -> {
            Page<InvoiceEntity> found = PagedQuery.page(em, InvoiceEntity.class, issuedOnly ? "e.number is not null" : null,
                    "e.createdAt desc, e.id", page, "accountId", accountId, "status", status);
            Map<String, List<InvoiceLine>> lines = linesOf(em, found.items());
            return found.map(invoice -> toDto(invoice, lines.getOrDefault(invoice.id(), List.of())));
        });
    }

    /** An issued invoice of the account (drafts, also cancelled ones, are staff's only). */
    static InvoiceEntity visible(EntityManager em, String accountId, String invoiceId) {
        InvoiceEntity invoice = invoiceId == null ? null : em.find(InvoiceEntity.class, invoiceId);
        if (invoice == null || !invoice.accountId().equals(accountId) || invoice.number() == null) {
            throw notFound();
        }
        return invoice;
    }

    private static InvoiceEntity find(EntityManager em, String invoiceId) {
        InvoiceEntity invoice = invoiceId == null ? null : em.find(InvoiceEntity.class, invoiceId);
        if (invoice == null) {
            throw notFound();
        }
        return invoice;
    }

    static Invoice toDto(InvoiceEntity invoice) {
        String currency = invoice.currency();
        return toDto(invoice, invoice.lines().stream().map(line -> line(currency, line.description(), line.packageId(), line.periodStart(),
                line.periodEnd(), line.quantity(), line.unitPrice(), line.taxRate(), line.net(), line.tax())).toList());
    }

    /**
     * The lines of a page of invoices in one query, by invoice id, in their order. Scalar columns, not the embeddables:
     * EclipseLink mishandles embeddables read outside their owner (eclipselink#1455).
     */
    static Map<String, List<InvoiceLine>> linesOf(EntityManager em, List<InvoiceEntity> invoices) {
        if (invoices.isEmpty()) {
            return Map.of();
        }
        Map<String, String> currencies = new HashMap<>();
        invoices.forEach(invoice -> currencies.put(invoice.id(), invoice.currency()));
        Map<String, List<InvoiceLine>> lines = new HashMap<>();
        em.createQuery("select e.id, l.description, l.packageId, l.periodStart, l.periodEnd, l.quantity, l.unitPrice, l.taxRate, l.net,"
                + " l.tax from InvoiceEntity e join e.lines l where e.id in :ids order by e.id, index(l)", Object[].class)
                .setParameter("ids", List.copyOf(currencies.keySet())).getResultList()
                .forEach(row -> lines.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add(line(currencies.get((String) row[0]),
                        (String) row[1], (String) row[2], (LocalDate) row[3], (LocalDate) row[4], (BigDecimal) row[5], (BigDecimal) row[6],
                        (BigDecimal) row[7], (BigDecimal) row[8], (BigDecimal) row[9])));
        return lines;
    }

    private static InvoiceLine line(String currency, String description, String packageId, LocalDate periodStart, LocalDate periodEnd,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate, BigDecimal netAmount, BigDecimal taxAmount) {
        Money net = Money.of(netAmount, currency);
        Money tax = Money.of(taxAmount, currency);
        return new InvoiceLine(description, packageId, periodStart, periodEnd, quantity, Money.of(unitPrice, currency), taxRate, net, tax,
                net.plus(tax));
    }

    private static Invoice toDto(InvoiceEntity invoice, List<InvoiceLine> lines) {
        String currency = invoice.currency();
        return new Invoice(invoice.id(), invoice.accountId(), invoice.number(), invoice.series(), invoice.kind(), invoice.status(), currency,
                invoice.issueDate(), invoice.dueDate(), lines, Money.of(invoice.net(), currency), Money.of(invoice.tax(), currency),
                Money.of(invoice.total(), currency), Money.of(invoice.amountPaid(), currency), Money.of(invoice.amountDue(), currency),
                Money.of(invoice.amountRefunded(), currency), invoice.cancelReason(), invoice.createdAt());
    }

    private InvoiceDocument document(Invoice invoice, Account account, Profile profile) {
        BillingConfiguration provider = config;
        Map<BigDecimal, BigDecimal[]> byRate = new TreeMap<>();
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            String period = line.periodStart() == null ? null : line.periodStart() + " – " + line.periodEnd();
            lines.add(new InvoiceDocument.Line(line.description(), period, line.quantity(), line.unitPrice().amount(), line.taxRate(),
                    line.net().amount()));
            BigDecimal[] sums = byRate.computeIfAbsent(line.taxRate(), rate -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(line.net().amount());
            sums[1] = sums[1].add(line.tax().amount());
        }
        List<InvoiceDocument.TaxTotal> taxes = new ArrayList<>();
        byRate.forEach((rate, sums) -> taxes.add(new InvoiceDocument.TaxTotal(rate, sums[0], sums[1])));
        InvoiceDocument.Holder holder = new InvoiceDocument.Holder(
                profile.holderName() != null ? profile.holderName() : account.ownerName(), profile.company(), profile.street(),
                profile.postcode(), profile.city(), profile.country(), profile.taxId(), account.customerNumber());
        InvoiceDocument.Provider from = new InvoiceDocument.Provider(provider.provider_name(),
                provider.provider_address().replace('|', '\n'), emptyToNull(provider.provider_taxId()),
                emptyToNull(provider.provider_iban()), emptyToNull(provider.provider_bic()), emptyToNull(provider.provider_email()));
        return new InvoiceDocument(account.language(), from, holder, invoice.number(), invoice.issueDate(), invoice.dueDate(),
                invoice.currency(), lines, taxes, invoice.net().amount(), invoice.tax().amount(), invoice.total().amount(),
                invoice.amountPaid().amount(), invoice.amountDue().amount(), invoice.status().name());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static NotFoundException notFound() {
        return new NotFoundException("invoice-not-found", "There is no such invoice.");
    }

    private static RuleViolationException notDraft() {
        return new RuleViolationException("invoice-not-draft", "Only a DRAFT invoice can be issued.");
    }

    private static RuleViolationException notCancellable(InvoiceStatus status) {
        return new RuleViolationException("invoice-not-cancellable", "A " + status + " invoice cannot be cancelled.");
    }
}
