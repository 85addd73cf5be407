package org.hostarea.billing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.hostarea.billing.CreditBalance;
import org.hostarea.billing.CreditEntry;
import org.hostarea.billing.CreditEntryKind;
import org.hostarea.billing.Invoice;
import org.hostarea.billing.InvoiceKind;
import org.hostarea.billing.InvoiceLineInput;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.billing.NewInvoice;
import org.hostarea.billing.Payment;
import org.hostarea.billing.PaymentInput;
import org.hostarea.billing.PaymentStatus;
import org.hostarea.billing.spi.GatewayEvent;
import org.hostarea.billing.spi.PaymentGateway;
import org.hostarea.billing.spi.PaymentOutcome;
import org.hostarea.billing.spi.PaymentRequest;
import org.hostarea.billing.spi.PaymentResult;
import org.hostarea.core.DomainException;
import org.hostarea.core.PageRequest;

/**
 * Random sequences of issue / pay (full, partial, over, declined, unknown then reconciled) / apply credit /
 * add funds / staff credit / refund / cancel, run against the real services on an in-memory Derby. After
 * each sequence: every invoice has 0 ≤ paid ≤ total and is PAID exactly when paid = total; the balance is
 * the sum of the ledger entries and never negative; and no money appears or vanishes: what came in
 * (completed payments and staff credit) is what the invoices hold, plus the credit, plus what was refunded.
 */
class LedgerPropertiesTest {

    private static LocalJpa jpa;
    private static InvoiceServiceImpl invoices;
    private static CreditServiceImpl credit;
    private static PaymentServiceImpl payments;

    enum Kind { ISSUE, PAY, PAY_AMOUNT, DECLINE, UNKNOWN_THEN_RECONCILE, APPLY_CREDIT, APPLY_CREDIT_AMOUNT, ADD_FUNDS, ADD_FUNDS_PARTLY_PAID,
        STAFF_CREDIT,
        REFUND, CANCEL }

    record Op(Kind kind, int invoice, int cents) {
    }

    /** Completes, declines or cannot tell, as each payment's option {@code mode} says; status queries complete. */
    static final class FakeGateway implements PaymentGateway {

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public String displayName() {
            return "Fake";
        }

        @Override
        public Set<String> currencies() {
            return Set.of();
        }

        @Override
        public PaymentResult start(PaymentRequest request) {
            return switch (request.options().getOrDefault("mode", "complete")) {
                case "decline" -> PaymentResult.of(PaymentOutcome.DECLINED, null, "declined");
                case "unknown" -> PaymentResult.of(PaymentOutcome.UNKNOWN, null, "no answer");
                default -> PaymentResult.of(PaymentOutcome.COMPLETED, "ref-" + request.paymentId(), "ok");
            };
        }

        @Override
        public GatewayEvent callback(Map<String, List<String>> headers, byte[] body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PaymentResult status(String paymentId, String providerReference) {
            return PaymentResult.of(PaymentOutcome.COMPLETED, "ref-" + paymentId, "settled");
        }
    }

    @BeforeContainer
    static void start() {
        jpa = new LocalJpa("ledger" + UUID.randomUUID().toString().substring(0, 8));
        BillingFixture fixture = new BillingFixture(jpa, Clock.systemUTC());
        credit = fixture.credit;
        invoices = fixture.invoices;
        Gateways gateways = new Gateways();
        gateways.add(new FakeGateway());
        payments = new PaymentServiceImpl(jpa, fixture.clock, gateways, fixture.accounts, fixture.postings,
                new PaymentMethodServiceImpl(jpa, fixture.clock), new ExchangeRateServiceImpl(jpa, fixture.clock), fixture.settlement,
                fixture.config);
    }

    @AfterContainer
    static void stop() {
        if (jpa != null) {
            jpa.close();
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(1, 20_000)).as(Op::new);
        return op.list().ofMinSize(3).ofMaxSize(30);
    }

    @Property(tries = 40)
    void moneyIsNeitherCreatedNorLostAndTheLedgerNeverGoesNegative(@ForAll("operations") List<Op> ops) {
        String account = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (Op op : ops) {
            try {
                run(account, ids, op);
            } catch (DomainException refused) {
                // a refusal (nothing to pay, credit too low, not refundable...) changes nothing: checked below
            }
        }
        check(account, ids);
    }

    private static void run(String account, List<String> ids, Op op) {
        BigDecimal amount = BigDecimal.valueOf(op.cents(), 2);
        String invoice = ids.isEmpty() ? null : ids.get(op.invoice() % ids.size());
        switch (op.kind()) {
            case ISSUE -> {
                Invoice draft = invoices.create(new NewInvoice(account, "EUR", null, List.of(new InvoiceLineInput("x", null, null, null,
                        BigDecimal.ONE, amount, op.cents() % 2 == 0 ? new BigDecimal("21") : BigDecimal.ZERO)), null), "t");
                ids.add(invoices.issue(draft.id(), "t").id());
            }
            case PAY -> pay(account, invoice, null, "complete");
            case PAY_AMOUNT -> pay(account, invoice, amount, "complete");
            case DECLINE -> pay(account, invoice, null, "decline");
            case UNKNOWN_THEN_RECONCILE -> {
                pay(account, invoice, amount, "unknown");
                payments.reconcile();
            }
            case APPLY_CREDIT -> {
                if (invoice != null) {
                    credit.applyToInvoice(account, invoice, null, null, "t");
                }
            }
            case APPLY_CREDIT_AMOUNT -> {
                if (invoice != null) {
                    credit.applyToInvoice(account, invoice, amount, null, "t");
                }
            }
            case ADD_FUNDS -> {
                Invoice funds = invoices.addFunds(account, "EUR", amount, "t");
                ids.add(funds.id());
                pay(account, funds.id(), null, "complete");
            }
            case ADD_FUNDS_PARTLY_PAID -> {
                Invoice funds = invoices.addFunds(account, "EUR", amount.add(BigDecimal.ONE), "t");
                ids.add(funds.id());
                pay(account, funds.id(), amount, "complete");
            }
            case STAFF_CREDIT -> credit.add(account, "EUR", amount, null, "t");
            case REFUND -> {
                if (invoice != null) {
                    invoices.refund(invoice, null, "t");
                }
            }
            case CANCEL -> {
                if (invoice != null) {
                    invoices.cancel(invoice, null, "t");
                }
            }
        }
    }

    private static void pay(String account, String invoice, BigDecimal amount, String mode) {
        if (invoice != null) {
            payments.pay(account, new PaymentInput("fake", List.of(new PaymentInput.InvoicePart(invoice, amount)), Map.of("mode", mode)),
                    null, "t");
        }
    }

    private static void check(String account, List<String> ids) {
        BigDecimal held = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        for (String id : ids) {
            Invoice invoice = invoices.get(id);
            BigDecimal paid = invoice.amountPaid().amount();
            BigDecimal total = invoice.total().amount();
            assertTrue(paid.signum() >= 0 && paid.compareTo(total) <= 0, invoice.toString());
            assertEquals(invoice.status() == InvoiceStatus.PAID, paid.compareTo(total) == 0 && invoice.status() != InvoiceStatus.CANCELLED
                    && invoice.status() != InvoiceStatus.REFUNDED, invoice.toString());
            if (invoice.status() == InvoiceStatus.CANCELLED || invoice.status() == InvoiceStatus.REFUNDED) {
                assertEquals(0, paid.signum(), invoice.toString());
            }
            if (invoice.kind() == InvoiceKind.STANDARD) {
                held = held.add(paid);
            }
            out = out.add(invoice.amountRefunded().amount());
        }
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal in = BigDecimal.ZERO;
        for (CreditBalance currency : credit.balances(account)) {
            BigDecimal sum = currency.entries().stream().map(e -> e.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(currency.balance().amount()), "balance is the sum of the entries");
            assertTrue(currency.balance().amount().signum() >= 0, "balance never negative: " + currency);
            balance = balance.add(currency.balance().amount());
            for (CreditEntry entry : currency.entries()) {
                if (entry.kind() == CreditEntryKind.ADJUSTMENT) {
                    in = in.add(entry.amount().amount());
                }
                if (entry.kind() == CreditEntryKind.REFUND && entry.amount().amount().signum() > 0) {
                    out = out.subtract(entry.amount().amount()); // refunded into the credit, not out of the account
                }
            }
        }
        for (Payment payment : payments.payments(account, new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
            if (payment.status() == PaymentStatus.COMPLETED) {
                in = in.add(payment.amount().amount());
            }
        }
        assertEquals(0, in.compareTo(held.add(balance).add(out)), "in " + in + " = invoices " + held + " + credit " + balance
                + " + refunded " + out);
    }
}
