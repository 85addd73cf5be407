package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.NewPaymentReport;
import org.hostarea.billing.PaymentReport;
import org.hostarea.billing.PaymentReportService;
import org.hostarea.billing.PaymentReportStatus;
import org.hostarea.billing.spi.PaymentOutcome;
import org.hostarea.billing.spi.PaymentResult;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.Money;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.ValidationException;
import org.hostarea.core.jpa.PagedQuery;
import org.hostarea.core.jpa.Reads;
import org.hostarea.core.jpa.Writes;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Offline payment reports. Confirming one records a COMPLETED payment through the gateway id
 * {@value #GATEWAY} in the same transaction that marks the report CONFIRMED, under a lock of the report
 * row: a double click or two staff members confirm it once.
 */
@Component(service = PaymentReportService.class)
public class PaymentReportServiceImpl implements PaymentReportService {

    static final String GATEWAY = "offline";
    private static final int MAX_INVOICES = 20;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccountService accounts;
    private final PaymentPostings postings;
    private final NotificationService notifications;
    private final SettlementTrigger settlement;

    @Activate
    public PaymentReportServiceImpl(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference AccountService accounts,
            @Reference PaymentPostings postings, @Reference NotificationService notifications, @Reference SettlementTrigger settlement) {
        this.settlement = settlement;
        this.jpa = jpa;
        this.clock = clock;
        this.accounts = accounts;
        this.postings = postings;
        this.notifications = notifications;
    }

    @Override
    public PaymentReport report(String accountId, NewPaymentReport input, String actor) {
        NewPaymentReport report = ValidationException.requireBody(input);
        FieldChecks checks = new FieldChecks();
        List<String> ids = report.invoiceIds() == null ? List.of() : report.invoiceIds();
        if (ids.isEmpty() || ids.size() > MAX_INVOICES || ids.stream().anyMatch(id -> id == null || id.length() > 36)
                || ids.stream().distinct().count() != ids.size()) {
            checks.reject("invoiceIds", "must name 1 to " + MAX_INVOICES + " different invoices");
        }
        LocalDate paidOn = checks.required("paidOn", report.paidOn());
        if (paidOn != null && paidOn.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
            checks.reject("paidOn", "must not be in the future");
        }
        String branch = checks.optionalText("branch", report.branch(), 100);
        String receipt = checks.text("receiptNumber", report.receiptNumber(), 60);
        String note = checks.optionalText("note", report.note(), 500);
        checks.throwIfAny();
        String currency = Reads.read(jpa, em -> {
            String first = null;
            for (String id : ids) {
                InvoiceEntity invoice = InvoiceServiceImpl.visible(em, accountId, id);
                if (first != null && !first.equals(invoice.currency())) {
                    throw ValidationException.of("invoiceIds", "must all be in one currency");
                }
                first = invoice.currency();
            }
            return first;
        });
        Money amount = InvoiceRules.positive(checks, "amount", report.amount(), Currency.getInstance(currency));
        checks.throwIfAny();
        boolean reported = Reads.read(jpa, em -> em.createQuery("select count(r) from PaymentReportEntity r where r.accountId = :a"
                + " and r.receiptNumber = :n", Long.class).setParameter("a", accountId).setParameter("n", receipt).getSingleResult() > 0);
        if (reported) {
            throw duplicate();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            PaymentReportEntity entity = new PaymentReportEntity(UUID.randomUUID().toString(), accountId, ids, amount, paidOn, branch,
                    receipt, note, clock.instant());
            em.persist(entity);
            Writes.flushUnique(em, PaymentReportServiceImpl::duplicate);
            return entity.toDto();
        });
    }

    @Override
    public List<PaymentReport> reports(String accountId) {
        return Reads.read(jpa, em -> em.createQuery("select r from PaymentReportEntity r where r.accountId = :a order by r.createdAt desc",
                PaymentReportEntity.class).setParameter("a", accountId).setMaxResults(200).getResultStream()
                .map(PaymentReportEntity::toDto).toList());
    }

    @Override
    public Page<PaymentReport> search(PaymentReportStatus status, PageRequest page) {
        return Reads.read(jpa, em -> PagedQuery.page(em, PaymentReportEntity.class, null, "e.createdAt, e.id", page,
                "status", status).map(PaymentReportEntity::toDto));
    }

    @Override
    public PaymentReport confirm(String reportId, String actor) {
        PaymentReport current = undecided(reportId);
        Account account = accounts.get(current.accountId());
        CreditServiceImpl.ensureLedger(jpa, current.accountId(), current.amount().currency().getCurrencyCode());
        PaymentReport confirmed = jpa.txExpr(TransactionType.Required, em -> {
            PaymentReportEntity report = em.find(PaymentReportEntity.class, reportId, LockModeType.PESSIMISTIC_WRITE);
            if (report.status() != PaymentReportStatus.SUBMITTED) {
                throw decided();
            }
            // split the amount over the invoices in the customer's order; what is left (or arrives for a paid
            // or cancelled invoice) becomes credit when the payment is posted
            List<PaymentAllocationEmbeddable> allocations = new ArrayList<>();
            BigDecimal left = report.amount().amount();
            List<String> ids = report.invoiceIds();
            for (int i = 0; i < ids.size(); i++) {
                InvoiceEntity invoice = em.find(InvoiceEntity.class, ids.get(i));
                BigDecimal share = i == ids.size() - 1 ? left : left.min(invoice.amountDue().max(BigDecimal.ZERO));
                allocations.add(new PaymentAllocationEmbeddable(invoice.id(), invoice.number(), share));
                left = left.subtract(share);
            }
            Instant now = clock.instant();
            PaymentEntity payment = new PaymentEntity(UUID.randomUUID().toString(), report.accountId(), GATEWAY, report.amount(),
                    allocations, now);
            em.persist(payment);
            postings.complete(em, payment, PaymentResult.of(PaymentOutcome.COMPLETED, "receipt " + report.receiptNumber(),
                    "offline payment confirmed"), account);
            report.confirmed(payment.id(), now, actor);
            return report.toDto();
        });
        settlement.paid(confirmed.accountId());
        return confirmed;
    }

    @Override
    public PaymentReport reject(String reportId, String reason, String actor) {
        FieldChecks checks = new FieldChecks();
        String why = checks.text("reason", reason, 500);
        checks.throwIfAny();
        PaymentReport current = undecided(reportId);
        Account account = accounts.get(current.accountId());
        return jpa.txExpr(TransactionType.Required, em -> {
            PaymentReportEntity report = em.find(PaymentReportEntity.class, reportId, LockModeType.PESSIMISTIC_WRITE);
            if (report.status() != PaymentReportStatus.SUBMITTED) {
                throw decided();
            }
            report.rejected(why, clock.instant(), actor);
            Map<String, Object> params = MailParams.of(account);
            params.put("amount", report.amount().toString());
            params.put("receiptNumber", report.receiptNumber());
            params.put("reason", why);
            notifications.send(new OutgoingMessage("billing.payment-report-rejected", account.id(), account.language(),
                    OutgoingMessage.EMAIL, List.of(account.email()), "INVOICES", params, "report-rejected:" + reportId, false));
            return report.toDto();
        });
    }

    private PaymentReport undecided(String reportId) {
        PaymentReport report = Reads.read(jpa, em -> {
            PaymentReportEntity entity = reportId == null ? null : em.find(PaymentReportEntity.class, reportId);
            if (entity == null) {
                throw new NotFoundException("report-not-found", "There is no such payment report.");
            }
            return entity.toDto();
        });
        if (report.status() != PaymentReportStatus.SUBMITTED) {
            throw decided();
        }
        return report;
    }

    private static ConflictException duplicate() {
        return new ConflictException("report-duplicate", "A payment with this receipt number was reported already.");
    }

    private static ConflictException decided() {
        return new ConflictException("report-decided", "This payment report was already confirmed or rejected.");
    }
}
