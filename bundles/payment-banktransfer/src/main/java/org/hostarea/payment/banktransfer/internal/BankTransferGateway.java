package org.hostarea.payment.banktransfer.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hostarea.billing.spi.CallbackRejectedException;
import org.hostarea.billing.spi.GatewayEvent;
import org.hostarea.billing.spi.PaymentGateway;
import org.hostarea.billing.spi.PaymentOutcome;
import org.hostarea.billing.spi.PaymentRequest;
import org.hostarea.billing.spi.PaymentResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Bank transfer: starting a payment answers PENDING with the instructions (the provider's account from
 * configuration, the amount, and the invoice numbers as the transfer reference). The money is seen later, in
 * an imported camt.053 statement or by staff confirming the customer's report; there are no callbacks and
 * status queries answer PENDING.
 */
@Component(service = PaymentGateway.class, configurationPid = BankTransferConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BankTransferConfiguration.class)
public class BankTransferGateway implements PaymentGateway {

    static final String ID = "banktransfer";

    private volatile BankTransferConfiguration config;

    @Activate
    public BankTransferGateway(BankTransferConfiguration config) {
        this.config = config;
    }

    @Modified
    void configure(BankTransferConfiguration config) {
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Bank transfer";
    }

    @Override
    public Set<String> currencies() {
        return Set.of();
    }

    @Override
    public boolean enabled() {
        BankTransferConfiguration current = config;
        return current.enabled() && !current.iban().isBlank();
    }

    @Override
    public PaymentResult start(PaymentRequest request) {
        BankTransferConfiguration current = config;
        String reference = String.join(" ", request.invoiceNumbers());
        String instructions = instructions(current, request, reference);
        return new PaymentResult(PaymentOutcome.PENDING, "transfer " + reference, null, instructions,
                "waiting for the transfer");
    }

    /** What the customer must do, one item per line. */
    static String instructions(BankTransferConfiguration config, PaymentRequest request, String reference) {
        StringBuilder text = new StringBuilder();
        text.append("Amount: ").append(request.amount()).append('\n');
        line(text, "Account holder", config.accountHolder());
        line(text, "IBAN", config.iban());
        line(text, "BIC", config.bic());
        line(text, "Bank", config.bankName());
        text.append("Reference: ").append(reference);
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append(label).append(": ").append(value.strip()).append('\n');
        }
    }

    @Override
    public GatewayEvent callback(Map<String, List<String>> headers, byte[] body) {
        throw new CallbackRejectedException("bank transfers have no callbacks; import the bank statement");
    }

    @Override
    public PaymentResult status(String paymentId, String providerReference) {
        return PaymentResult.of(PaymentOutcome.PENDING, providerReference, "waiting for the transfer");
    }
}
