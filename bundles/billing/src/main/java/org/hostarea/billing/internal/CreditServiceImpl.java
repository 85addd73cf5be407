package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.CreditBalance;
import org.hostarea.billing.CreditEntry;
import org.hostarea.billing.CreditEntryKind;
import org.hostarea.billing.CreditService;
import org.hostarea.billing.InvoiceKind;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.Money;
import org.hostarea.core.RuleViolationException;
import org.hostarea.core.jpa.Reads;
import org.hostarea.core.jpa.Writes;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The credit ledger. Every movement first locks the account's ledger row for the currency (created once,
 * in its own transaction), then reads the balance as the sum of the entries and appends; an invoice the
 * movement touches is locked after the ledger, always in that order. So two requests never both spend the
 * same credit, and no entry is ever changed or deleted.
 */
@Component(service = {CreditService.class, CreditServiceImpl.class})
public class CreditServiceImpl implements CreditService {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccountService accounts;
    private final PaymentPostings postings;
    private final SettlementTrigger settlement;

    @Activate
    public CreditServiceImpl(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference AccountService accounts,
            @Reference PaymentPostings postings, @Reference SettlementTrigger settlement) {
        this.settlement = settlement;
        this.jpa = jpa;
        this.clock = clock;
        this.accounts = accounts;
        this.postings = postings;
    }

    @Override
    public List<CreditBalance> balances(String accountId) {
        return Reads.read(jpa, em -> {
            List<String> currencies = em.createQuery("select distinct e.currency from CreditEntryEntity e where e.accountId = :a"
                    + " order by e.currency", String.class).setParameter("a", accountId).getResultList();
            List<CreditBalance> balances = new ArrayList<>();
            for (String currency : currencies) {
                List<CreditEntry> entries = em.createQuery("select e from CreditEntryEntity e where e.accountId = :a"
                        + " and e.currency = :c order by e.createdAt desc, e.id", CreditEntryEntity.class).setParameter("a", accountId)
                        .setParameter("c", currency).getResultStream().map(CreditEntryEntity::toDto).toList();
                balances.add(new CreditBalance(currency, balance(em, accountId, currency), entries));
            }
            return balances;
        });
    }

    @Override
    public CreditEntry add(String accountId, String currencyCode, BigDecimal amount, String note, String actor) {
        FieldChecks checks = new FieldChecks();
        Currency currency = checks.currency("currency", currencyCode);
        Money credit = currency == null ? null : InvoiceRules.positive(checks, "amount", amount, currency);
        String text = checks.optionalText("note", note, 500);
        checks.throwIfAny();
        Account account = accounts.get(accountId);
        ensureLedger(accountId, currency.getCurrencyCode());
        return jpa.txExpr(TransactionType.Required, em -> {
            lockLedger(em, accountId, currency.getCurrencyCode());
            try {
                balance(em, accountId, currency.getCurrencyCode()).plus(credit);
            } catch (IllegalArgumentException e) {
                throw new RuleViolationException("credit-too-large", "The balance would exceed what an amount may be.");
            }
            CreditEntryEntity entry = append(em, accountId, credit, CreditEntryKind.ADJUSTMENT, null, text, actor, null, null,
                    clock.instant());
            em.flush();
            postings.creditAdded(em, account, credit, text == null ? "added by us" : text, entry.id());
            return entry.toDto();
        });
    }

    @Override
    public CreditEntry applyToInvoice(String accountId, String invoiceId, BigDecimal amount, String idempotencyKey, String actor) {
        FieldChecks checks = new FieldChecks();
        String key = checks.optionalText("Idempotency-Key", idempotencyKey, 100);
        checks.throwIfAny();
        var invoice = Reads.read(jpa, em -> InvoiceServiceImpl.toDto(InvoiceServiceImpl.visible(em, accountId, invoiceId)));
        Currency currency = Currency.getInstance(invoice.currency());
        Money requested = amount == null ? null : InvoiceRules.positive(checks, "amount", amount, currency);
        checks.throwIfAny();
        if (key != null) {
            CreditEntry first = replay(accountId, invoiceId, requested, key);
            if (first != null) {
                return first;
            }
        }
        if (invoice.status() != InvoiceStatus.UNPAID) {
            throw notPayable(invoice.status());
        }
        if (invoice.kind() == InvoiceKind.ADD_FUNDS) {
            throw addFundsFromCredit();
        }
        ensureLedger(accountId, invoice.currency());
        try {
            CreditEntry applied = jpa.txExpr(TransactionType.Required, em -> {
                lockLedger(em, accountId, invoice.currency());
                CreditEntryEntity earlier = key == null ? null : byKey(em, accountId, key);
                if (earlier != null) {
                    return sameRequest(earlier, invoiceId, requested); // the first of concurrent repeats committed meanwhile
                }
                InvoiceEntity locked = em.find(InvoiceEntity.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
                if (locked.status() != InvoiceStatus.UNPAID) {
                    throw notPayable(locked.status());
                }
                if (locked.kind() == InvoiceKind.ADD_FUNDS) {
                    throw addFundsFromCredit();
                }
                Money due = Money.of(locked.amountDue(), invoice.currency());
                Money balance = balance(em, accountId, invoice.currency());
                Money use = requested != null ? requested : (balance.compareTo(due) < 0 ? balance : due);
                if (use.compareTo(due) > 0) {
                    throw new RuleViolationException("amount-exceeds-due", "Only " + due + " is due on this invoice.");
                }
                if (!use.isPositive() || use.compareTo(balance) > 0) {
                    throw new RuleViolationException("credit-insufficient", "The credit balance is " + balance + ".");
                }
                CreditEntryEntity entry = append(em, accountId, use.negate(), CreditEntryKind.APPLIED, invoiceId,
                        "invoice " + locked.number(), actor, key, requestOf(requested), clock.instant());
                Writes.flushUnique(em, () -> new ConflictException("idempotency-key-reused", "This Idempotency-Key is in use."));
                locked.paid(use.amount());
                return entry.toDto();
            });
            settlement.paid(accountId);
            return applied;
        } catch (ConflictException e) {
            CreditEntry first = key == null ? null : replay(accountId, invoiceId, requested, key);
            if (first != null) {
                return first; // a concurrent request with the same key won the race
            }
            throw e;
        }
    }

    /** The entry a request with this key made, or {@code null}; another request's key is 422. */
    private CreditEntry replay(String accountId, String invoiceId, Money requested, String key) {
        CreditEntryEntity first = Reads.read(jpa, em -> byKey(em, accountId, key));
        return first == null ? null : sameRequest(first, invoiceId, requested);
    }

    private static CreditEntryEntity byKey(EntityManager em, String accountId, String key) {
        return em.createQuery("select e from CreditEntryEntity e where e.accountId = :a and e.idempotencyKey = :k",
                CreditEntryEntity.class).setParameter("a", accountId).setParameter("k", key).getResultStream().findFirst().orElse(null);
    }

    /** The first entry made with a key, if this request is the same; 422 if the key was used for another. */
    private static CreditEntry sameRequest(CreditEntryEntity first, String invoiceId, Money requested) {
        if (!invoiceId.equals(first.invoiceId()) || !requestOf(requested).equals(first.request())) {
            throw new RuleViolationException("idempotency-key-reused", "This Idempotency-Key was used for another request.");
        }
        return first.toDto();
    }

    /** A keyed request as stored with its entry: the amount asked for, or {@code auto}. */
    private static String requestOf(Money requested) {
        return requested == null ? "auto" : requested.amount().toPlainString();
    }

    private void ensureLedger(String accountId, String currency) {
        ensureLedger(jpa, accountId, currency);
    }

    /** Creates an account's ledger row for a currency once, in its own transaction (before the one that locks it). */
    static void ensureLedger(JpaTemplate jpa, String accountId, String currency) {
        String id = CreditAccountEntity.key(accountId, currency);
        if (Reads.read(jpa, em -> em.find(CreditAccountEntity.class, id)) != null) {
            return;
        }
        try {
            jpa.tx(TransactionType.RequiresNew, em -> {
                em.persist(new CreditAccountEntity(accountId, currency));
                Writes.flushUnique(em, () -> new ConflictException("ledger-exists", "created concurrently"));
            });
        } catch (ConflictException e) {
            // another request created it first
        }
    }

    /** Locks the ledger of an account in a currency; movements and invoice changes that touch credit lock it first. */
    static void lockLedger(EntityManager em, String accountId, String currency) {
        em.find(CreditAccountEntity.class, CreditAccountEntity.key(accountId, currency), LockModeType.PESSIMISTIC_WRITE);
    }

    static Money balance(EntityManager em, String accountId, String currency) {
        BigDecimal sum = em.createQuery("select sum(e.amount) from CreditEntryEntity e where e.accountId = :a and e.currency = :c",
                BigDecimal.class).setParameter("a", accountId).setParameter("c", currency).getSingleResult();
        return Money.of(sum == null ? BigDecimal.ZERO : sum, currency);
    }

    /** What credit has paid of an invoice, net of reversals. */
    static BigDecimal appliedTo(EntityManager em, String invoiceId) {
        BigDecimal sum = em.createQuery("select sum(e.amount) from CreditEntryEntity e where e.invoiceId = :i and e.kind <> :funds",
                BigDecimal.class).setParameter("i", invoiceId).setParameter("funds", CreditEntryKind.ADD_FUNDS).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum.negate();
    }

    /** Appends an entry; the caller holds the ledger lock and has checked the balance stays at zero or more. */
    static CreditEntryEntity append(EntityManager em, String accountId, Money amount, CreditEntryKind kind, String invoiceId, String note,
            String actor, String key, String request, Instant now) {
        CreditEntryEntity entry = new CreditEntryEntity(UUID.randomUUID().toString(), accountId, amount, kind, invoiceId, note, actor,
                key, request, now);
        em.persist(entry);
        return entry;
    }

    private static RuleViolationException addFundsFromCredit() {
        return new RuleViolationException("add-funds-not-from-credit", "An add-funds invoice is paid with money, not with credit.");
    }

    private static RuleViolationException notPayable(InvoiceStatus status) {
        return new RuleViolationException("invoice-not-payable", "A " + status + " invoice cannot be paid.");
    }
}
