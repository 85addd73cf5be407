package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.GatewayInfo;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.billing.Payment;
import org.hostarea.billing.PaymentInput;
import org.hostarea.billing.PaymentMethodService;
import org.hostarea.billing.PaymentService;
import org.hostarea.billing.PaymentStatus;
import org.hostarea.billing.spi.CallbackRejectedException;
import org.hostarea.billing.spi.GatewayEvent;
import org.hostarea.billing.spi.PaymentGateway;
import org.hostarea.billing.spi.PaymentOutcome;
import org.hostarea.billing.spi.PaymentRequest;
import org.hostarea.billing.spi.PaymentResult;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.Money;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.PluginMissingException;
import org.hostarea.core.RuleViolationException;
import org.hostarea.core.ValidationException;
import org.hostarea.core.jpa.PagedQuery;
import org.hostarea.core.jpa.Reads;
import org.hostarea.core.jpa.Writes;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments. The order of a payment: (1) the Idempotency-Key is claimed, (2) the payment is stored PENDING and
 * committed, (3) the gateway is called outside any transaction, (4) its answer is applied in one
 * transaction that locks the payment row, then the account's ledger, then the invoices (sorted): a
 * completed payment pays each invoice at most what it still owes and puts the rest on the credit ledger,
 * and the mail goes out with it. An exception or a vanished gateway leaves the payment UNKNOWN for
 * reconciliation; nothing is ever recorded twice because an outcome is applied only to a payment that
 * is not COMPLETED or DECLINED yet.
 */
@Component(service = {PaymentService.class, PaymentServiceImpl.class}, configurationPid = BillingConfiguration.PID,
        configurationPolicy = org.osgi.service.component.annotations.ConfigurationPolicy.OPTIONAL)
public class PaymentServiceImpl implements PaymentService {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentServiceImpl.class);
    private static final int MAX_INVOICES = 20;
    private static final Duration PENDING_RECHECK = Duration.ofMinutes(1);
    static final String METHOD_REFERENCE = "methodReference";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Gateways gateways;
    private final AccountService accounts;
    private final PaymentPostings postings;
    private final PaymentMethodService methods;
    private final ExchangeRateServiceImpl rates;
    private final SettlementTrigger settlement;

    @Activate
    public PaymentServiceImpl(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference Gateways gateways,
            @Reference AccountService accounts, @Reference PaymentPostings postings, @Reference PaymentMethodService methods,
            @Reference ExchangeRateServiceImpl rates, @Reference SettlementTrigger settlement, BillingConfiguration config) {
        configure(config);
        this.settlement = settlement;
        this.methods = methods;
        this.rates = rates;
        this.jpa = jpa;
        this.clock = clock;
        this.gateways = gateways;
        this.accounts = accounts;
        this.postings = postings;
    }

    @Override
    public List<GatewayInfo> gateways() {
        return gateways.list();
    }

    // --- paying ------------------------------------------------------------------------------------------

    @Override
    public Payment pay(String accountId, PaymentInput input, String idempotencyKey, String actor) {
        PaymentInput request = ValidationException.requireBody(input);
        FieldChecks checks = new FieldChecks();
        String gatewayId = checks.text("gateway", request.gateway(), 40);
        String key = checks.optionalText("Idempotency-Key", idempotencyKey, 100);
        List<PaymentInput.InvoicePart> parts = request.invoices() == null ? List.of() : request.invoices();
        if (parts.isEmpty() || parts.size() > MAX_INVOICES) {
            checks.reject("invoices", "must name 1 to " + MAX_INVOICES + " invoices");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == null) {
                checks.reject("invoices[" + i + "]", "is required");
            } else {
                checks.text("invoices[" + i + "].invoiceId", parts.get(i).invoiceId(), 36);
            }
        }
        if (request.options() != null && (request.options().size() > 20 || request.options().entrySet().stream()
                .anyMatch(e -> e.getKey() == null || e.getValue() == null || e.getKey().length() > 40 || e.getValue().length() > 200))) {
            checks.reject("options", "at most 20 options, names up to 40 and values up to 200 characters");
        }
        checks.throwIfAny();
        String hash = requestHash(gatewayId, parts, request.options());
        IdempotencyEntity claim = null;
        if (key != null) {
            Payment replay = replayOrClaim(accountId, key, hash);
            if (replay != null) {
                return replay;
            }
            claim = claimed(accountId, key);
        }
        String[] stored = new String[1];
        try {
            return payOnce(accountId, gatewayId, parts, request.options(), claim, stored);
        } catch (ClaimLost e) {
            throw e; // the key belongs to another request now: leave its claim alone, charge nothing
        } catch (RuntimeException e) {
            if (stored[0] == null) {
                if (claim != null) {
                    release(claim.id()); // nothing was stored: the same key may be used again
                }
                throw e;
            }
            // stored (and perhaps charged): never release the key; the payment stays open for reconciliation
            LOG.warn("payment {}: its outcome could not be applied ({}); reconciliation settles it", stored[0], e.toString());
            return get(stored[0]);
        }
    }

    private Payment payOnce(String accountId, String gatewayId, List<PaymentInput.InvoicePart> parts, Map<String, String> options,
            IdempotencyEntity claim, String[] stored) {
        PaymentGateway gateway = gateways.usable(gatewayId).orElseThrow(() -> new PluginMissingException("The payment gateway "
                + gatewayId + " is not available.", Duration.ofSeconds(60)));
        List<PaymentAllocationEmbeddable> allocations = allocate(accountId, parts);
        Map<String, String> gatewayOptions = new TreeMap<>(options == null ? Map.of() : options);
        if (gatewayOptions.containsKey(METHOD_REFERENCE)) {
            throw ValidationException.of("options." + METHOD_REFERENCE, "is set by Hostarea from paymentMethodId, never by the request");
        }
        String methodId = gatewayOptions.remove("paymentMethodId");
        if (methodId != null) {
            gatewayOptions.put(METHOD_REFERENCE, methods.reference(accountId, methodId, gatewayId));
        }
        String currency = Reads.read(jpa, em -> em.find(InvoiceEntity.class, allocations.get(0).invoiceId()).currency());
        if (!gateway.currencies().isEmpty() && !gateway.currencies().contains(currency)) {
            throw new RuleViolationException("currency-not-supported", "The gateway " + gatewayId + " does not take " + currency + ".");
        }
        Money total = allocations.stream().map(a -> Money.of(a.amount(), currency)).reduce(Money.zero(Currency.getInstance(currency)),
                Money::plus);
        // a gateway that settles in one currency gets the amount converted with the staff's rate, stored with the payment
        String settlement = gateway.settlementCurrency();
        BigDecimal rate = null;
        Money charged = total;
        if (settlement != null && !settlement.equals(currency)) {
            rate = rates.rate(currency, settlement).orElseThrow(() -> new RuleViolationException("exchange-rate-missing",
                    "No exchange rate from " + currency + " to " + settlement + " is set; staff set it under /admin/exchange-rates."));
            charged = Money.rounded(total.amount().multiply(rate), Currency.getInstance(settlement));
        }
        BigDecimal usedRate = rate;
        Money chargedAmount = charged;
        String paymentId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jpa.tx(TransactionType.Required, em -> {
            PaymentEntity payment = new PaymentEntity(paymentId, accountId, gatewayId, total, allocations, now);
            if (usedRate != null) {
                payment.converted(chargedAmount, usedRate);
            }
            if (claim != null) {
                // bind only if the key is still this request's: a retry may have taken over a claim that looked dead
                int bound = em.createQuery("update IdempotencyEntity c set c.paymentId = :p where c.id = :id and c.paymentId is null"
                        + " and c.createdAt = :mine").setParameter("p", paymentId).setParameter("id", claim.id())
                        .setParameter("mine", claim.createdAt()).executeUpdate();
                if (bound != 1) {
                    throw new ClaimLost();
                }
            }
            em.persist(payment);
        });
        stored[0] = paymentId;
        // stored: from here on nothing can lose it; a repeat of the key finds it
        PaymentResult result = start(gateway, new PaymentRequest(paymentId, accountId, chargedAmount,
                allocations.stream().map(PaymentAllocationEmbeddable::invoiceNumber).toList(), "Invoices "
                + String.join(", ", allocations.stream().map(PaymentAllocationEmbeddable::invoiceNumber).toList()), gatewayOptions));
        return apply(paymentId, result, claim == null ? null : claim.id());
    }

    /** Calls the gateway; anything but an answer (an exception, the bundle gone mid-call) is UNKNOWN. */
    private static PaymentResult start(PaymentGateway gateway, PaymentRequest request) {
        try {
            PaymentResult result = gateway.start(request);
            return result == null || result.outcome() == null ? PaymentResult.of(PaymentOutcome.UNKNOWN, null, "no answer") : result;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("payment {} through {}: the gateway failed ({}); it stays UNKNOWN for reconciliation", request.paymentId(),
                    gateway.id(), e.toString());
            return PaymentResult.of(PaymentOutcome.UNKNOWN, null, "The payment provider did not answer; we will check again.");
        }
    }

    /** The invoices to pay, each for its amount or what it owes; all the account's, UNPAID, in one currency. */
    private List<PaymentAllocationEmbeddable> allocate(String accountId, List<PaymentInput.InvoicePart> parts) {
        return Reads.read(jpa, em -> {
            FieldChecks checks = new FieldChecks();
            List<PaymentAllocationEmbeddable> allocations = new ArrayList<>();
            String currency = null;
            for (int i = 0; i < parts.size(); i++) {
                String field = "invoices[" + i + "]";
                PaymentInput.InvoicePart part = parts.get(i);
                InvoiceEntity invoice = InvoiceServiceImpl.visible(em, accountId, part.invoiceId());
                if (invoice.status() != InvoiceStatus.UNPAID) {
                    throw new RuleViolationException("invoice-not-payable", "Invoice " + invoice.number() + " is " + invoice.status() + ".");
                }
                if (currency != null && !currency.equals(invoice.currency())) {
                    checks.reject(field, "is in another currency than the first invoice");
                    continue;
                }
                currency = invoice.currency();
                if (allocations.stream().anyMatch(a -> a.invoiceId().equals(invoice.id()))) {
                    checks.reject(field, "is named twice");
                    continue;
                }
                Money amount = part.amount() == null ? Money.of(invoice.amountDue(), currency)
                        : InvoiceRules.positive(checks, field + ".amount", part.amount(), Currency.getInstance(currency));
                if (amount != null) {
                    allocations.add(new PaymentAllocationEmbeddable(invoice.id(), invoice.number(), amount.amount()));
                }
            }
            checks.throwIfAny();
            return allocations;
        });
    }

    // --- applying an outcome, exactly once ---------------------------------------------------------------

    /** Applies a gateway's answer to a payment; a payment already COMPLETED or DECLINED stays as it is. */
    private Payment apply(String paymentId, PaymentResult result, String claimId) {
        return apply(paymentId, result, claimId, null);
    }

    /**
     * @param eventKey a provider event to record in the same transaction (a repeat, found under the payment lock,
     *     changes nothing)
     */
    private Payment apply(String paymentId, PaymentResult result, String claimId, String eventKey) {
        PaymentEntity snapshot = Reads.read(jpa, em -> em.find(PaymentEntity.class, paymentId));
        Account account = accounts.get(snapshot.accountId());
        if (result.outcome() == PaymentOutcome.COMPLETED) {
            CreditServiceImpl.ensureLedger(jpa, snapshot.accountId(), snapshot.currency());
        }
        Payment applied = jpa.txExpr(TransactionType.Required, em -> {
            PaymentEntity payment = em.find(PaymentEntity.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
            if (eventKey != null) {
                if (em.find(GatewayEventEntity.class, eventKey) != null) {
                    return payment.toDto(); // this provider event was taken already
                }
                em.persist(new GatewayEventEntity(eventKey, paymentId, result.outcome().name(), clock.millis()));
            }
            PaymentStatus before = payment.status();
            // money that arrives after a decline (a late capture) is still the customer's: it is posted
            boolean open = before == PaymentStatus.PENDING || before == PaymentStatus.UNKNOWN
                    || before == PaymentStatus.DECLINED && result.outcome() == PaymentOutcome.COMPLETED;
            if (open) {
                switch (result.outcome()) {
                    case COMPLETED -> postings.complete(em, payment, result, account);
                    case DECLINED -> {
                        payment.result(PaymentStatus.DECLINED, result, clock.instant());
                        postings.mail(account, payment, "billing.payment-failed");
                    }
                    case PENDING -> payment.result(PaymentStatus.PENDING, result, clock.instant());
                    case UNKNOWN -> payment.result(PaymentStatus.UNKNOWN, result, clock.instant());
                }
            }
            if (claimId != null) {
                em.find(IdempotencyEntity.class, claimId).answered(paymentId, payment.status(), payment.toDto().message());
            }
            return payment.toDto();
        });
        if (applied.status() == PaymentStatus.COMPLETED) {
            settlement.paid(applied.accountId()); // paid renewals and overdue suspensions follow (also when joined: the janitor retries)
        }
        return applied;
    }

    // --- callbacks and reconciliation --------------------------------------------------------------------

    @Override
    public Payment callback(String gatewayId, Map<String, List<String>> headers, byte[] body) {
        PaymentGateway gateway = gateways.get(gatewayId).orElseThrow(() -> new PluginMissingException("The payment gateway "
                + gatewayId + " is not installed.", Duration.ofSeconds(60)));
        GatewayEvent event;
        try {
            event = gateway.callback(headers, body);
        } catch (CallbackRejectedException e) {
            throw new ValidationException("callback-rejected", "The callback was not accepted: " + e.getMessage(), List.of());
        } catch (LinkageError e) {
            throw new PluginMissingException("The payment gateway " + gatewayId + " is being replaced.", Duration.ofSeconds(30));
        }
        if (event == null || event.eventId() == null || event.paymentId() == null || event.result() == null
                || event.result().outcome() == null) {
            throw new ValidationException("callback-rejected", "The callback was not accepted.", List.of());
        }
        PaymentEntity payment = Reads.read(jpa, em -> em.find(PaymentEntity.class, event.paymentId()));
        if (payment == null || !payment.gateway().equals(gatewayId)) {
            throw new NotFoundException("payment-not-found", "There is no such payment of this gateway.");
        }
        String eventKey = gatewayId + ":" + sha256(event.eventId());
        return apply(event.paymentId(), event.result(), null, eventKey);
    }

    @Override
    public Payment refresh(String accountId, String paymentId) {
        Payment payment = payment(accountId, paymentId);
        if (payment.status() != PaymentStatus.PENDING && payment.status() != PaymentStatus.UNKNOWN) {
            return payment;
        }
        PaymentGateway gateway = gateways.get(payment.gateway()).orElseThrow(() -> new PluginMissingException("The payment gateway "
                + payment.gateway() + " is not installed.", Duration.ofSeconds(60)));
        PaymentResult result;
        try {
            result = gateway.status(paymentId, payment.providerReference());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("payment {}: the gateway {} could not tell its status ({})", paymentId, payment.gateway(), e.toString());
            return payment;
        }
        if (result == null || result.outcome() == null || result.outcome() == PaymentOutcome.UNKNOWN
                || result.outcome() == PaymentOutcome.PENDING && payment.status() == PaymentStatus.PENDING) {
            return payment;
        }
        return apply(paymentId, result, null);
    }

    @Override
    public Payment settle(String paymentId, PaymentResult result) {
        return apply(paymentId, result, null);
    }

    @Override
    public int reconcile() {
        return reconcile(PENDING_RECHECK);
    }

    /**
     * The payments a reconciliation asks about: UNKNOWN ones, PENDING ones answered longer than {@code age} ago, and PENDING
     * ones whose start never answered within {@code payments.startTimeoutSeconds}.
     */
    List<Payment> reconcileCandidates(Duration age) {
        return openPayments(age).stream().map(PaymentEntity::toDto).toList();
    }

    private List<PaymentEntity> openPayments(Duration age) {
        long pendingBefore = clock.instant().minus(age).toEpochMilli();
        List<PaymentEntity> open = new ArrayList<>(Reads.read(jpa, em -> em.createQuery("select p from PaymentEntity p"
                + " where p.status = :unknown order by p.createdAt", PaymentEntity.class)
                .setParameter("unknown", PaymentStatus.UNKNOWN).setMaxResults(500).getResultList()));
        // PENDING only once the gateway answered the start (a start still running is not asked about)
        open.addAll(Reads.read(jpa, em -> em.createQuery("select p from PaymentEntity p where p.status = :pending"
                + " and p.answered = true and p.createdAt < :before order by p.createdAt desc", PaymentEntity.class)
                .setParameter("pending", PaymentStatus.PENDING).setParameter("before", pendingBefore).setMaxResults(500).getResultList()));
        // a start that never answered and is older than any gateway call can run: its node died in the call, and the
        // gateway may have taken the money
        long deadBefore = clock.instant().minus(startTimeout).toEpochMilli();
        open.addAll(Reads.read(jpa, em -> em.createQuery("select p from PaymentEntity p where p.status = :pending"
                + " and p.answered = false and p.createdAt < :before order by p.createdAt", PaymentEntity.class)
                .setParameter("pending", PaymentStatus.PENDING).setParameter("before", deadBefore).setMaxResults(500).getResultList()));
        return open;
    }

    /** Asks the gateways about UNKNOWN payments and PENDING ones older than {@code age}; answers how many changed. */
    int reconcile(Duration age) {
        List<PaymentEntity> open = openPayments(age);
        int changed = 0;
        for (PaymentEntity payment : open) {
            PaymentGateway gateway = gateways.get(payment.gateway()).orElse(null);
            if (gateway == null) {
                continue; // waits for its plugin
            }
            try {
                PaymentResult result = gateway.status(payment.id(), payment.providerReference());
                if (result != null && result.outcome() != null && result.outcome() != PaymentOutcome.UNKNOWN
                        && !(result.outcome() == PaymentOutcome.PENDING && payment.status() == PaymentStatus.PENDING)) {
                    Payment after = apply(payment.id(), result, null);
                    changed += after.status() != payment.status() ? 1 : 0;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("reconciling payment {} through {} failed: {}", payment.id(), payment.gateway(), e.toString());
            }
        }
        return changed;
    }

    /** How long a repeat of a key whose first request has not answered yet gets 409 before it sees the payment. */
    private volatile Duration inFlight;
    /** How old an unanswered start must be before reconciliation asks about it. */
    private volatile Duration startTimeout;

    @org.osgi.service.component.annotations.Modified
    void configure(BillingConfiguration config) {
        this.inFlight = Duration.ofSeconds(Math.max(1, config.idempotency_inFlightSeconds()));
        this.startTimeout = Duration.ofSeconds(Math.max(1, config.payments_startTimeoutSeconds()));
    }

    /** This request's key was taken over by a retry while it was too slow: it stops before any gateway is asked. */
    static final class ClaimLost extends ConflictException {

        private static final long serialVersionUID = 1L;

        ClaimLost() {
            super("idempotency-in-flight", "A request with this Idempotency-Key is still being processed.");
        }
    }

    // --- reads -------------------------------------------------------------------------------------------

    @Override
    public Page<Payment> payments(String accountId, PageRequest page) {
        return search(Objects.requireNonNull(accountId, "accountId"), null, page);
    }

    @Override
    public Payment payment(String accountId, String paymentId) {
        return Reads.read(jpa, em -> {
            PaymentEntity payment = paymentId == null ? null : em.find(PaymentEntity.class, paymentId);
            if (payment == null || !payment.accountId().equals(accountId)) {
                throw new NotFoundException("payment-not-found", "There is no such payment.");
            }
            return payment.toDto();
        });
    }

    private Payment get(String paymentId) {
        return Reads.read(jpa, em -> em.find(PaymentEntity.class, paymentId).toDto());
    }

    @Override
    public Page<Payment> search(String accountId, PaymentStatus status, PageRequest page) {
        return Reads.read(jpa, em -> PagedQuery.page(em, PaymentEntity.class, null, "e.createdAt desc, e.id", page,
                "accountId", accountId, "status", status).map(PaymentEntity::toDto));
    }

    // --- idempotency keys --------------------------------------------------------------------------------

    /** The first answer for this key and request, or {@code null} after claiming the key for this request. */
    private Payment replayOrClaim(String accountId, String key, String hash) {
        IdempotencyEntity existing = Reads.read(jpa, em -> byKey(em, accountId, key));
        if (existing == null) {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    em.persist(new IdempotencyEntity(UUID.randomUUID().toString(), accountId, key, hash, clock.millis()));
                    Writes.flushUnique(em, () -> new ConflictException("idempotency-in-flight", "claimed concurrently"));
                });
                return null;
            } catch (ConflictException e) {
                existing = Reads.read(jpa, em -> byKey(em, accountId, key));
                if (existing == null) {
                    throw new ConflictException("idempotency-in-flight", "A request with this Idempotency-Key is still being processed.");
                }
            }
        }
        if (!existing.requestHash().equals(hash)) {
            throw new RuleViolationException("idempotency-key-reused", "This Idempotency-Key was used for another request.");
        }
        IdempotencyEntity claim = existing;
        if (!claim.answered()) {
            if (clock.millis() - claim.createdAt() < inFlight.toMillis()) {
                throw new ConflictException("idempotency-in-flight", "A request with this Idempotency-Key is still being processed.");
            }
            if (claim.paymentId() == null) {
                // the first request died after claiming the key and before storing a payment: nothing was sent to a
                // gateway, so this repeat takes the key over (once: the claim's time is the guard)
                int taken = jpa.txExpr(TransactionType.Required, em -> em.createQuery("update IdempotencyEntity c set c.createdAt = :now"
                        + " where c.id = :id and c.paymentId is null and c.createdAt = :then").setParameter("now", clock.millis())
                        .setParameter("id", claim.id()).setParameter("then", claim.createdAt()).executeUpdate());
                if (taken == 1) {
                    return null;
                }
                throw new ConflictException("idempotency-in-flight", "A request with this Idempotency-Key is still being processed.");
            }
            return get(claim.paymentId()); // the first request never answered (it died): the payment as it is now
        }
        return Reads.read(jpa, em -> em.find(PaymentEntity.class, claim.paymentId()).toDto(claim.firstStatus(),
                claim.firstMessage()));
    }

    private IdempotencyEntity claimed(String accountId, String key) {
        return Reads.read(jpa, em -> byKey(em, accountId, key));
    }

    private void release(String claimId) {
        try {
            jpa.tx(TransactionType.Required, em -> {
                IdempotencyEntity claim = em.find(IdempotencyEntity.class, claimId);
                if (claim != null && !claim.answered()) {
                    em.remove(claim);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("idempotency key {} not released: {}", claimId, e.toString());
        }
    }

    private static IdempotencyEntity byKey(EntityManager em, String accountId, String key) {
        return em.createQuery("select k from IdempotencyEntity k where k.accountId = :a and k.key = :k", IdempotencyEntity.class)
                .setParameter("a", accountId).setParameter("k", key).getResultStream().findFirst().orElse(null);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 over a canonical form of the request: the gateway, the invoices with their amounts, the options. */
    static String requestHash(String gateway, List<PaymentInput.InvoicePart> parts, Map<String, String> options) {
        StringBuilder canonical = new StringBuilder(gateway);
        for (PaymentInput.InvoicePart part : parts) {
            canonical.append('\n').append(part.invoiceId()).append('=')
                    .append(part.amount() == null ? "due" : part.amount().stripTrailingZeros().toPlainString());
        }
        new TreeMap<>(options == null ? Map.<String, String>of() : options).forEach((k, v) -> canonical.append('\n').append(k).append(':')
                .append(v));
        return sha256(canonical.toString());
    }
}
