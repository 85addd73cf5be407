package org.hostarea.demo.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hostarea.billing.CreditService;
import org.hostarea.billing.Invoice;
import org.hostarea.billing.InvoiceLineInput;
import org.hostarea.billing.InvoiceService;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.billing.JobService;
import org.hostarea.billing.NewInvoice;
import org.hostarea.billing.NewPaymentReport;
import org.hostarea.billing.PaymentReportService;
import org.hostarea.contacts.ContactInput;
import org.hostarea.contacts.ContactRole;
import org.hostarea.contacts.ContactService;
import org.hostarea.contacts.EmailCategory;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.access.StaffRole;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.NewAccount;
import org.hostarea.identity.PackagePasswordService;
import org.hostarea.identity.StaffService;
import org.hostarea.packages.BillingCycle;
import org.hostarea.packages.CatalogService;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.NewPackage;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.PlanInput;
import org.hostarea.packages.PlanPrice;
import org.hostarea.packages.PlanType;

/**
 * {@code hostarea:demo-load [--password P]}: fills an empty installation with a demo catalog, three customers with
 * packages, domains, contacts, invoices (paid, unpaid, overdue) and credit, and a staff user, all through the
 * product's own services, and prints how to log in. Once only: a second run finds the demo catalog and stops.
 * For trying Hostarea out, never where real customers are (the demo logins share one password).
 */
@Service
@Command(scope = "hostarea", name = "demo-load", description = "Loads demo customers, packages, invoices and a staff user for trying Hostarea out")
public class DemoLoadCommand implements Action {

    static final String MARKER_PLAN = "demo-web-start";
    static final String DOMAIN_SUFFIX = ".example";
    private static final String ACTOR = "demo-load";
    private static final String EUR = "EUR";
    private static final BigDecimal TAX = new BigDecimal("21");

    @Reference
    AccountService accounts;

    @Reference
    StaffService staff;

    @Reference
    ContactService contacts;

    @Reference
    CatalogService catalog;

    @Reference
    PackageService packages;

    @Reference
    PackagePasswordService packagePasswords;

    @Reference
    InvoiceService invoices;

    @Reference
    CreditService credit;

    @Reference
    PaymentReportService paymentReports;

    @Reference
    JobService jobs;

    @Reference
    Clock clock;

    @Option(name = "--password", description = "The password of every demo login (at least 12 characters); default: a random one, printed")
    String password;

    @Option(name = "--staff", description = "The demo staff user's name")
    String staffName = "demo-staff";

    @Override
    public Object execute() {
        try {
            catalog.planByCode(MARKER_PLAN);
            System.out.println("The demo data is loaded already (the plan " + MARKER_PLAN + " exists); nothing was changed.");
            return null;
        } catch (NotFoundException expected) {
            // not loaded yet
        }
        String secret = password != null ? password : "demo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        LocalDate today = LocalDate.now(clock);

        catalog.create(new PlanInput(MARKER_PLAN, PlanType.HOSTING, names("Web Start", "Web Inicio", "Web Start"),
                List.of(price(BillingCycle.MONTHLY, "4.90"), price(BillingCycle.ANNUAL, "49.00")),
                Map.of("diskMb", 10_000L, "domains", 1L, "mailboxes", 10L), List.of(), List.of(), true));
        catalog.create(new PlanInput("demo-web-pro", PlanType.HOSTING, names("Web Pro", "Web Pro", "Web Pro"),
                List.of(price(BillingCycle.MONTHLY, "12.90"), price(BillingCycle.ANNUAL, "129.00")),
                Map.of("diskMb", 50_000L, "domains", 5L, "mailboxes", 100L), List.of(), List.of(MARKER_PLAN), true));
        catalog.create(new PlanInput("demo-domain", PlanType.DOMAIN, names("Domain", "Dominio", "Domain"),
                List.of(price(BillingCycle.ANNUAL, "12.00")), Map.of(), List.of(), List.of(), true));

        List<String> lines = new ArrayList<>();
        // Ana: a Pro package with two domains, contacts, an invoice paid by bank deposit, an unpaid one, and credit
        Account ana = accounts.create(new NewAccount("Ana García", "ana@demo" + DOMAIN_SUFFIX, "es", secret));
        CustomerPackage anaWeb = packages.create(new NewPackage(ana.id(), "demo-web-pro", BillingCycle.ANNUAL, EUR, today.minusMonths(3),
                "Tienda de Ana", List.of("tienda-ana" + DOMAIN_SUFFIX), null, false, null), ACTOR);
        packages.create(new NewPackage(ana.id(), "demo-domain", BillingCycle.ANNUAL, EUR, today.minusMonths(11), null,
                List.of("ana-garcia" + DOMAIN_SUFFIX), today.plusDays(25), false, null), ACTOR);
        contacts.add(ana.id(), new ContactInput("Luis Pérez", "luis@demo" + DOMAIN_SUFFIX, "+34 600 000 001", ContactRole.BILLING,
                Set.of(EmailCategory.INVOICES)), true);
        contacts.add(ana.id(), new ContactInput("Marta Ruiz", "marta@demo" + DOMAIN_SUFFIX, null, ContactRole.TECHNICAL,
                Set.of(EmailCategory.PRODUCTS, EmailCategory.DOMAINS)), true);
        Invoice paid = invoices.issue(invoices.create(new NewInvoice(ana.id(), EUR, null,
                List.of(line("Web Pro " + today.minusMonths(3).getYear(), anaWeb.id(), "129.00")), null), ACTOR).id(), ACTOR);
        paymentReports.confirm(paymentReports.report(ana.id(), new NewPaymentReport(List.of(paid.id()), paid.total().amount(),
                today.minusDays(2), "Madrid Centro", "DEMO-" + paid.number(), "Paid at the bank counter"), ACTOR).id(), ACTOR);
        Invoice unpaid = invoices.issue(invoices.create(new NewInvoice(ana.id(), EUR, null,
                List.of(line("Extra mailboxes (10)", null, "24.00")), null), ACTOR).id(), ACTOR);
        credit.add(ana.id(), EUR, new BigDecimal("15.00"), "Goodwill for a maintenance window", ACTOR);
        lines.add(describe(ana, "Pro package tienda-ana.example, domain ana-garcia.example, contacts, invoices "
                + invoices.get(paid.id()).number() + " " + invoices.get(paid.id()).status() + " and " + unpaid.number() + " "
                + invoices.get(unpaid.id()).status() + ", 15.00 EUR credit"));

        // Ben: a monthly package whose renewal fell due five days ago and is not paid
        Account ben = accounts.create(new NewAccount("Ben Schmidt", "ben@demo" + DOMAIN_SUFFIX, "de", secret));
        packages.create(new NewPackage(ben.id(), MARKER_PLAN, BillingCycle.MONTHLY, EUR, today.minusMonths(2).minusDays(5),
                "Bäckerei Schmidt", List.of("baeckerei-schmidt" + DOMAIN_SUFFIX), today.plusMonths(7), false, today.minusDays(5)), ACTOR);
        // the renewal run as it would have run a week before that day: the invoice is issued with that due date
        jobs.run("renewals", today.minusDays(12), false, ACTOR);
        Invoice overdue = invoices.invoices(ben.id(), InvoiceStatus.UNPAID, org.hostarea.core.PageRequest.parse(null, null)).items().stream()
                .findFirst().orElse(null);
        lines.add(describe(ben, "Start package baeckerei-schmidt.example"
                + (overdue == null ? "" : ", renewal invoice " + overdue.number() + " due " + overdue.dueDate() + " (overdue)")));

        // Chloé: a package she hands to her web designer with a package password
        Account chloe = accounts.create(new NewAccount("Chloé Martin", "chloe@demo" + DOMAIN_SUFFIX, "en", secret));
        CustomerPackage chloeWeb = packages.create(new NewPackage(chloe.id(), MARKER_PLAN, BillingCycle.ANNUAL, EUR, today.minusMonths(1),
                "Portfolio", List.of("chloe-martin" + DOMAIN_SUFFIX), null, false, null), ACTOR);
        packagePasswords.set(chloe.id(), chloeWeb.id(), secret + "-designer", ACTOR, ClientInfo.UNKNOWN);
        lines.add(describe(chloe, "Start package chloe-martin.example; its package password is " + secret + "-designer"));

        staff.add(staffName, "Demo staff", StaffRole.ADMIN, secret);

        System.out.println("Demo data loaded. Every demo login has the password " + secret + (password == null ? " (printed only now)" : "") + ".");
        lines.forEach(System.out::println);
        System.out.println("  staff " + staffName + ": POST /api/v1/admin/auth/login {\"login\":\"" + staffName + "\",\"password\":\"" + secret + "\"}");
        System.out.println("Customers log in with POST /api/v1/auth/login {\"login\":\"<email or customer number>\",\"password\":\"" + secret
                + "\"}; the API is described at /api/v1/openapi.json.");
        return null;
    }

    private static String describe(Account account, String what) {
        return "  " + account.ownerName() + " <" + account.email() + ">, customer number " + account.customerNumber() + ": " + what;
    }

    private static Map<String, String> names(String en, String es, String de) {
        return Map.of("en", en, "es", es, "de", de);
    }

    private static PlanPrice price(BillingCycle cycle, String amount) {
        return new PlanPrice(cycle, EUR, new BigDecimal(amount));
    }

    private static InvoiceLineInput line(String description, String packageId, String amount) {
        return new InvoiceLineInput(description, packageId, null, null, BigDecimal.ONE, new BigDecimal(amount), TAX);
    }
}
