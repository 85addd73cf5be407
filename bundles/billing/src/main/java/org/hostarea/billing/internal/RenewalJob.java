package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.Invoice;
import org.hostarea.billing.InvoiceKind;
import org.hostarea.billing.InvoiceLineInput;
import org.hostarea.billing.NewInvoice;
import org.hostarea.core.UniqueViolation;
import org.hostarea.core.jpa.Reads;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.RenewalDue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Renewal invoices: every live package whose next term starts within {@code renewal.daysBefore} days gets one
 * invoice for that term (packages of one account due the same day share one, if configured), due when the term
 * starts. A chunk of packages is one transaction: its invoices, their numbers, the {@link RenewalEntity} rows whose
 * unique (package, period) makes a second invoice impossible, and the "invoice issued" mails in the outbox commit
 * together. A chunk that meets a concurrent run's rows is redone one invoice per transaction, skipping the billed.
 */
@Component(service = RenewalJob.class, configurationPid = BillingConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class RenewalJob implements BillingJob {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final PackageService packages;
    private final InvoiceServiceImpl invoices;
    private final AccountService accounts;
    private volatile BillingConfiguration config;

    @Activate
    public RenewalJob(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference PackageService packages,
            @Reference InvoiceServiceImpl invoices, @Reference AccountService accounts, BillingConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.packages = packages;
        this.invoices = invoices;
        this.accounts = accounts;
        this.config = config;
    }

    /** A configuration change takes effect at the next run, without restarting the component (and the routes on it). */
    @Modified
    void configure(BillingConfiguration config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "renewals";
    }

    @Override
    public String description() {
        return "Issues the invoice of each package's next term " + config.renewal_daysBefore() + " days before it starts"
                + (config.credit_autoApply() ? "; credit is applied automatically." : ".");
    }

    /** The packages of one invoice. */
    private record Group(String accountId, String currency, LocalDate periodStart, List<RenewalDue> packages) {
    }

    @Override
    public void run(JobContext context) {
        LocalDate through = context.asOf().plusDays(Math.max(0, config.renewal_daysBefore()));
        int chunkSize = Math.min(1000, Math.max(1, config.jobs_chunkSize())); // IN lists of a chunk stay small for Derby
        boolean grouped = config.renewal_groupByAccount();
        String afterAccount = null;
        String afterPackage = null;
        while (true) {
            List<RenewalDue> page = packages.dueForRenewal(through, afterAccount, afterPackage, chunkSize);
            if (page.isEmpty()) {
                return;
            }
            List<RenewalDue> chunk = page;
            if (grouped && page.size() == chunkSize) {
                // keep an account's packages in one chunk, so they can share an invoice (unless one account fills it)
                String last = page.get(page.size() - 1).accountId();
                List<RenewalDue> whole = page.stream().filter(p -> !p.accountId().equals(last)).toList();
                chunk = whole.isEmpty() ? page : whole;
            }
            RenewalDue cursor = chunk.get(chunk.size() - 1);
            afterAccount = cursor.accountId();
            afterPackage = cursor.packageId();
            renew(chunk, grouped, context);
            context.chunkDone();
            if (page.size() < chunkSize) {
                return;
            }
        }
    }

    private void renew(List<RenewalDue> chunk, boolean grouped, JobContext context) {
        Set<String> billed = billed(chunk);
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        for (RenewalDue due : chunk) {
            if (billed.contains(due.packageId() + "|" + due.periodStart())) {
                context.count("already-billed", 1);
            } else if (due.price() == null) {
                context.error("package " + due.packageId() + " (" + due.label() + "): plan " + due.planCode() + " has no "
                        + due.cycle() + " price in " + due.currency(), null);
            } else {
                List<Object> key = grouped ? List.of(due.accountId(), due.currency(), due.periodStart()) : List.of(due.packageId());
                groups.computeIfAbsent(key, k -> new Group(due.accountId(), due.currency(), due.periodStart(), new ArrayList<>()))
                        .packages().add(due);
            }
        }
        if (groups.isEmpty()) {
            return;
        }
        if (context.dryRun()) {
            groups.values().forEach(group -> context.did("invoices", describe(group)));
            return;
        }
        LocalDate today = invoices.today();
        String sequence = invoices.prepareSequence("", today);
        Map<String, Account> owners = new HashMap<>();
        for (Group group : groups.values()) {
            owners.computeIfAbsent(group.accountId(), accounts::get);
        }
        List<Invoice> issued = new ArrayList<>();
        try {
            jpa.tx(TransactionType.Required, em -> {
                issued.clear();
                for (Group group : groups.values()) {
                    issued.add(issue(em, group, sequence, today, context.asOf(), owners.get(group.accountId())));
                }
            });
        } catch (RuntimeException chunkFailed) {
            // a concurrent run billed some of them, or one group is bad: one group per transaction, so the rest go through
            issued.clear();
            for (Group group : groups.values()) {
                try {
                    issued.add(jpa.txExpr(TransactionType.Required,
                            em -> issue(em, group, sequence, today, context.asOf(), owners.get(group.accountId()))));
                } catch (RuntimeException e) {
                    if (UniqueViolation.isCause(e)) {
                        context.count("already-billed", group.packages().size());
                    } else {
                        context.error(describe(group), e);
                    }
                }
            }
        }
        for (Invoice invoice : issued) {
            context.did("invoices", "issued " + invoice.number() + " " + invoice.total() + " (" + invoice.lines().size() + " package(s))");
            context.count("packages", invoice.lines().size());
            Invoice after = config.credit_autoApply() ? invoices.applyCredit(invoice) : invoice;
            if (after.amountPaid().isPositive()) {
                context.did("credit-applied", "credit " + after.amountPaid() + " applied to " + after.number());
            }
        }
    }

    /** Drafts, records and issues the invoice of a group in the caller's transaction. */
    private Invoice issue(EntityManager em, Group group, String sequence, LocalDate today, LocalDate asOf, Account account) {
        BigDecimal taxRate = new BigDecimal(config.invoice_taxRate().strip());
        List<InvoiceLineInput> lines = group.packages().stream().map(due -> new InvoiceLineInput(
                "Renewal " + due.label() + " (" + due.planCode() + ", " + due.cycle().name().toLowerCase() + ")", due.packageId(),
                due.periodStart(), due.periodEnd().minusDays(1), BigDecimal.ONE, due.price().amount(), taxRate)).toList();
        InvoiceRules.Checked checked = InvoiceRules.check(new NewInvoice(group.accountId(), group.currency(), null, lines, null));
        InvoiceEntity invoice = new InvoiceEntity(UUID.randomUUID().toString(), group.accountId(), InvoiceKind.STANDARD, "",
                group.currency(), 0, checked.lines(), clock.instant(), "system");
        em.persist(invoice);
        for (RenewalDue due : group.packages()) {
            em.persist(new RenewalEntity(UUID.randomUUID().toString(), due.packageId(), due.accountId(), due.periodStart(),
                    due.periodEnd(), invoice.id(), clock.instant()));
        }
        em.flush(); // a unique violation (billed by a concurrent run) surfaces here, before a number is taken
        LocalDate dueOn = group.periodStart().isBefore(asOf) ? asOf : group.periodStart();
        return invoices.issueIn(em, invoice, sequence, today, dueOn, account);
    }

    /** "package|periodStart" of the chunk's packages that have their renewal already. */
    private Set<String> billed(List<RenewalDue> chunk) {
        List<String> ids = chunk.stream().map(RenewalDue::packageId).toList();
        return Reads.read(jpa, em -> {
            Set<String> keys = new HashSet<>();
            em.createQuery("select r from RenewalEntity r where r.packageId in :ids", RenewalEntity.class).setParameter("ids", ids)
                    .getResultStream().forEach(r -> keys.add(r.packageId() + "|" + r.periodStart()));
            return keys;
        });
    }

    private static String describe(Group group) {
        return "invoice " + group.accountId() + " " + group.currency() + " due " + group.periodStart() + ": "
                + String.join(", ", group.packages().stream().map(p -> p.label() + " " + p.price()).toList());
    }
}
