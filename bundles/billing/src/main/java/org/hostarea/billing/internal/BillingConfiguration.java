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
            description = "How often payments in UNKNOWN (and PENDING ones older than payments.reconcileAfterSeconds) are checked with their gateway.")
    int payments_reconcileSeconds() default 60;

    @AttributeDefinition(name = "Apply credit automatically", description = "When an invoice is issued and the account has credit "
            + "in its currency, pay it from the credit (partly if the credit does not cover it).")
    boolean credit_autoApply() default true;

    @AttributeDefinition(name = "Tax rate of plan-change charges (%)", description = "The tax rate on the prorated invoice of an upgrade.")
    String invoice_taxRate() default "21";

    @AttributeDefinition(name = "Time zone", description = "The provider's zone: issue and due dates, the invoice year.")
    String zone() default "UTC";

    @AttributeDefinition(name = "Renewal: days before the due date", min = "0",
            description = "The renewal invoice of a package's next term is issued this many days before its due date.")
    int renewal_daysBefore() default 10;

    @AttributeDefinition(name = "Renewal: one invoice per account and due date",
            description = "Packages of one account due on the same day (in one currency) share one renewal invoice.")
    boolean renewal_groupByAccount() default true;

    @AttributeDefinition(name = "Domain reminders (days before expiry)", description = "Comma-separated; each is sent once per domain.")
    String domains_reminderDays() default "60,30,14,7";

    @AttributeDefinition(name = "Overdue reminders (days after the due date)", description = "Comma-separated; each is sent once per invoice.")
    String overdue_reminderDays() default "1,7,14";

    @AttributeDefinition(name = "Grace period (days after the due date)", min = "0",
            description = "An invoice unpaid this long suspends the packages it bills (reason OVERDUE) until it is paid.")
    int overdue_suspendAfterDays() default 15;

    @AttributeDefinition(name = "Daily run at", description = "HH:mm in the provider's zone when all billing jobs run; empty: never "
            + "(run them with hostarea:billing-run or the admin jobs API).")
    String jobs_dailyTime() default "03:00";

    @AttributeDefinition(name = "Chunk size", min = "1", max = "1000", description = "Packages, domains or invoices per transaction of a job (at most 1000).")
    int jobs_chunkSize() default 200;

    @AttributeDefinition(name = "Lease (seconds)", min = "30", description = "How long a job run holds its lease without renewing "
            + "it (after every chunk); a node that died frees its jobs after this, or at once when it restarts.")
    int jobs_leaseSeconds() default 300;

    @AttributeDefinition(name = "Node name", description = "This node's name in leases and the job history; empty: karaf.name@host. "
            + "Every node on one database needs its own.")
    String jobs_nodeName() default "";

    @AttributeDefinition(name = "Reconcile payments older than (seconds)", min = "0",
            description = "PENDING payments are asked about once their start is this old (UNKNOWN ones always).")
    int payments_reconcileAfterSeconds() default 60;

    @AttributeDefinition(name = "Payment start timeout (seconds)", min = "1", description = "A PENDING payment whose start never "
            + "answered (the node died during the gateway call) is asked about once its start is this old.")
    int payments_startTimeoutSeconds() default 300;

    @AttributeDefinition(name = "Idempotency-Key in flight (seconds)", min = "1", description = "How long a repeat of a key whose first "
            + "request has not answered yet is told 409 idempotency-in-flight; after that it sees the payment, or takes the key over "
            + "if the first request died before it stored one.")
    int idempotency_inFlightSeconds() default 120;

    @AttributeDefinition(name = "Keep idempotency keys (days)", min = "1", description = "Answers remembered for Idempotency-Key "
            + "repeats are purged after this.")
    int idempotency_retentionDays() default 30;
}
