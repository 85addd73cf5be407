package org.hostarea.billing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tunables of the billing bundle, PID {@code org.hostarea.billing}. */
@ObjectClassDefinition(name = "Hostarea billing", description = "The provider's details on invoices, due dates, the time zone.")
public @interface BillingConfiguration {

    String PID = "org.hostarea.billing";

    @AttributeDefinition(name = "Provider name", description = "Printed on every invoice.")
    String provider_name() default "Example Hosting S.L.";

    @AttributeDefinition(name = "Provider address", description = "Lines separated by |.")
    String provider_address() default "Calle Mayor 1|28001 Madrid|Spain";

    @AttributeDefinition(name = "Provider tax id")
    String provider_taxId() default "ESB00000000";

    @AttributeDefinition(name = "Provider email")
    String provider_email() default "billing@example.com";

    @AttributeDefinition(name = "Provider IBAN", description = "For bank transfers; printed on invoices. Empty: none.")
    String provider_iban() default "";

    @AttributeDefinition(name = "Provider BIC")
    String provider_bic() default "";

    @AttributeDefinition(name = "Days to pay", min = "0", description = "An invoice is due this many days after issue.")
    int invoice_dueDays() default 14;

    @AttributeDefinition(name = "Reconciliation interval (seconds)", min = "5",
            description = "How often payments in UNKNOWN (and PENDING ones older than a minute) are checked with their gateway.")
    int payments_reconcileSeconds() default 60;

    @AttributeDefinition(name = "Apply credit automatically", description = "When an invoice is issued and the account has credit "
            + "in its currency, pay it from the credit (partly if the credit does not cover it).")
    boolean credit_autoApply() default true;

    @AttributeDefinition(name = "Tax rate of plan-change charges (%)", description = "The tax rate on the prorated invoice of an upgrade.")
    String invoice_taxRate() default "21";

    @AttributeDefinition(name = "Time zone", description = "The provider's zone: issue and due dates, the invoice year.")
    String zone() default "UTC";
}
