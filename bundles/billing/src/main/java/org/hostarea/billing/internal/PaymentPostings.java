package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.hostarea.billing.CreditEntryKind;
import org.hostarea.billing.InvoiceKind;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.billing.PaymentStatus;
import org.hostarea.billing.spi.PaymentResult;
import org.hostarea.core.Money;
import org.hostarea.identity.Account;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What a completed payment books, for gateway payments and confirmed offline reports alike; the caller's
 * transaction holds the payment row and this takes the ledger, then the invoices (sorted by id).
 */
@Component(service = PaymentPostings.class)
public class PaymentPostings {

    private final Clock clock;
    private final NotificationService notifications;

    @Activate
    public PaymentPostings(@Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock,
            @Reference NotificationService notifications) {
        this.clock = clock;
        this.notifications = notifications;
    }

    /**
     * The money arrived: each invoice gets at most what it still owes (nothing if it was paid meanwhile or
     * cancelled), the rest goes to the credit ledger, and the customer is mailed. The ledger row must exist.
     */
    void complete(EntityManager em, PaymentEntity payment, PaymentResult result, Account account) {
        CreditServiceImpl.lockLedger(em, payment.accountId(), payment.currency());
        BigDecimal toCredit = BigDecimal.ZERO;
        Map<String, PaymentAllocationEmbeddable> byInvoice = new TreeMap<>();
        payment.allocations().forEach(a -> byInvoice.put(a.invoiceId(), a));
        for (PaymentAllocationEmbeddable allocation : byInvoice.values()) {
            InvoiceEntity invoice = em.find(InvoiceEntity.class, allocation.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
            BigDecimal owed = invoice.status() == InvoiceStatus.UNPAID ? invoice.amountDue().max(BigDecimal.ZERO) : BigDecimal.ZERO;
            BigDecimal taken = allocation.amount().min(owed);
            if (taken.signum() > 0) {
                invoice.paid(taken);
                if (invoice.kind() == InvoiceKind.ADD_FUNDS) {
                    CreditEntryEntity entry = CreditServiceImpl.append(em, payment.accountId(), Money.of(taken, payment.currency()),
                            CreditEntryKind.ADD_FUNDS, invoice.id(), "funds added by " + invoice.number(), "system", null, null,
                            clock.instant());
                    em.flush();
                    creditAdded(em, account, Money.of(taken, payment.currency()), "funds added by " + invoice.number(), entry.id());
                }
            }
            toCredit = toCredit.add(allocation.amount().subtract(taken));
        }
        if (toCredit.signum() > 0) {
            CreditServiceImpl.append(em, payment.accountId(), Money.of(toCredit, payment.currency()), CreditEntryKind.OVERPAYMENT, null,
                    "payment " + payment.id(), "system", null, null, clock.instant());
        }
        payment.result(PaymentStatus.COMPLETED, result, clock.instant());
        mail(account, payment, "billing.payment-received");
    }

    /** Tells the account that credit was added (staff credit, paid add-funds), in the caller's transaction. */
    void creditAdded(EntityManager em, Account account, Money amount, String reason, String key) {
        Map<String, Object> params = MailParams.of(account);
        params.put("amount", amount.toString());
        params.put("reason", reason);
        params.put("balance", CreditServiceImpl.balance(em, account.id(), amount.currency().getCurrencyCode()).toString());
        notifications.send(new OutgoingMessage("billing.credit-added", account.id(), account.language(), OutgoingMessage.EMAIL,
                List.of(account.email()), "INVOICES", params, "credit-added:" + key, false));
    }

    void mail(Account account, PaymentEntity payment, String template) {
        Map<String, Object> params = MailParams.of(account);
        params.put("amount", payment.amount().toString());
        params.put("invoices", String.join(", ", payment.allocations().stream().map(PaymentAllocationEmbeddable::invoiceNumber).toList()));
        notifications.send(new OutgoingMessage(template, account.id(), account.language(), OutgoingMessage.EMAIL,
                List.of(account.email()), "INVOICES", params, template + ":" + payment.id(), false));
    }
}
