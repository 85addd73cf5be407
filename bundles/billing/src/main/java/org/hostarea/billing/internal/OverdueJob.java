package org.hostarea.billing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.InvoiceKind;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.contacts.Contact;
import org.hostarea.contacts.ContactRole;
import org.hostarea.contacts.ContactService;
import org.hostarea.core.Money;
import org.hostarea.core.UniqueViolation;
import org.hostarea.core.jpa.Reads;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.SuspendReason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Unpaid invoices past their due date: a reminder on each configured day after it (only the latest one reached
 * is sent, so a missed run never sends a pile), and after the grace period the packages the invoice bills are
 * suspended (reason OVERDUE) and the owner, technical and billing contacts told. Each reminder and suspension is
 * a {@link NoticeEntity} inserted with its mail: once per invoice and day threshold, whatever runs at once.
 */
@Component(service = OverdueJob.class, configurationPid = BillingConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class OverdueJob implements BillingJob {

    static final String REMINDER_TEMPLATE = "billing.overdue-reminder";
    static final String SUSPENDED_TEMPLATE = "billing.overdue-suspended";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final PackageService packages;
    private final AccountService accounts;
    private final ContactService contacts;
    private final NotificationService notifications;
    private final InvoiceServiceImpl invoices;
    private volatile BillingConfiguration config;

    @Activate
    public OverdueJob(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference PackageService packages,
            @Reference AccountService accounts, @Reference ContactService contacts, @Reference NotificationService notifications,
            @Reference InvoiceServiceImpl invoices, BillingConfiguration config) {
        this.invoices = invoices;
        this.jpa = jpa;
        this.clock = clock;
        this.packages = packages;
        this.accounts = accounts;
        this.contacts = contacts;
        this.notifications = notifications;
        this.config = config;
    }

    /** A configuration change takes effect at the next run, without restarting the component (and the routes on it). */
    @Modified
    void configure(BillingConfiguration config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "overdue";
    }

    @Override
    public String description() {
        return "Reminds of unpaid invoices " + config.overdue_reminderDays() + " days after their due date and suspends their packages after "
                + config.overdue_suspendAfterDays() + " days.";
    }

    /** The owner, plus the verified technical and billing contacts when {@code contacts} are given. */
    static List<String> recipients(Account account, List<Contact> contacts) {
        Set<String> to = new LinkedHashSet<>();
        to.add(account.email());
        if (contacts != null) {
            contacts.stream().filter(c -> c.verified() && (c.role() == ContactRole.TECHNICAL || c.role() == ContactRole.BILLING))
                    .forEach(c -> to.add(c.email()));
        }
        return List.copyOf(to);
    }

    static List<Integer> days(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                .filter(d -> d >= 0).distinct().sorted().toList();
    }

    @Override
    public void run(JobContext context) {
        List<Integer> reminderDays = days(config.overdue_reminderDays());
        int grace = Math.max(0, config.overdue_suspendAfterDays());
        int chunkSize = Math.min(1000, Math.max(1, config.jobs_chunkSize())); // IN lists of a chunk stay small for Derby
        String after = "";
        while (true) {
            String cursor = after;
            List<InvoiceEntity> chunk = Reads.read(jpa, em -> em.createQuery("select i from InvoiceEntity i where i.status = :unpaid"
                    + " and i.kind = :standard and i.dueDate < :asOf and i.id > :after order by i.id", InvoiceEntity.class)
                    .setParameter("unpaid", InvoiceStatus.UNPAID).setParameter("standard", InvoiceKind.STANDARD)
                    .setParameter("asOf", context.asOf()).setParameter("after", cursor).setMaxResults(chunkSize).getResultList());
            if (chunk.isEmpty()) {
                return;
            }
            Set<String> done = notices(chunk);
            for (InvoiceEntity invoice : chunk) {
                try {
                    handle(invoice, done, reminderDays, grace, context);
                } catch (RuntimeException e) {
                    context.error("invoice " + invoice.number(), e);
                }
            }
            after = chunk.get(chunk.size() - 1).id();
            context.chunkDone();
            if (chunk.size() < chunkSize) {
                return;
            }
        }
    }

    private void handle(InvoiceEntity invoice, Set<String> done, List<Integer> reminderDays, int grace, JobContext context) {
        long overdue = ChronoUnit.DAYS.between(invoice.dueDate(), context.asOf());
        Integer threshold = reminderDays.stream().filter(d -> d <= overdue).reduce((a, b) -> b).orElse(null);
        String reminderKey = threshold == null ? null : "overdue:" + invoice.id() + ":" + threshold;
        boolean remind = reminderKey != null && !done.contains(reminderKey);
        String suspensionKey = "suspension:" + invoice.id();
        List<String> packageIds = invoice.packageIds();
        boolean suspend = overdue >= grace && !packageIds.isEmpty() && !done.contains(suspensionKey);
        if (!remind && !suspend) {
            return;
        }
        Money owed = Money.of(invoice.amountDue(), invoice.currency());
        if (!context.dryRun() && config.credit_autoApply()) {
            // credit that arrived (or an automatic use that a crash cut off) pays before anyone is reminded
            org.hostarea.billing.Invoice after = invoices.applyCredit(InvoiceServiceImpl.toDto(invoice));
            if (after.status() != InvoiceStatus.UNPAID) {
                context.did("paid-from-credit", "invoice " + invoice.number() + " paid from credit");
                return;
            }
            owed = after.amountDue();
        }
        Money due = owed;
        if (context.dryRun()) {
            if (suspend) {
                context.did("suspensions", "suspend packages " + packageIds + " for invoice " + invoice.number() + " (" + overdue + " days overdue)");
            } else {
                context.did("reminders", "remind of invoice " + invoice.number() + " (" + overdue + " days overdue, " + due + ")");
            }
            return;
        }
        Account account = accounts.get(invoice.accountId());
        List<String> suspended = new ArrayList<>();
        try {
            jpa.tx(TransactionType.Required, em -> {
                suspended.clear();
                // paid since the chunk was read? then nothing is due any more (invoice before packages: the payments' order)
                InvoiceEntity locked = em.find(InvoiceEntity.class, invoice.id(), javax.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (locked.status() != InvoiceStatus.UNPAID) {
                    throw new NoLongerDue();
                }
                if (reminderKey != null && !done.contains(reminderKey)) {
                    em.persist(new NoticeEntity(reminderKey, NoticeEntity.OVERDUE, invoice.accountId(), invoice.id(), clock.instant()));
                }
                if (suspend) {
                    em.persist(new NoticeEntity(suspensionKey, NoticeEntity.SUSPENSION, invoice.accountId(), invoice.id(), clock.instant()));
                }
                em.flush(); // a concurrent run's notice surfaces here: nothing is sent twice
                Map<String, Object> params = params(account, invoice, due, overdue);
                if (suspend) {
                    for (String packageId : packageIds.stream().sorted().toList()) { // one lock order for every job
                        CustomerPackage pkg = packages.get(packageId);
                        if (pkg.status().live()) {
                            packages.suspend(packageId, SuspendReason.OVERDUE, "invoice " + invoice.number() + " unpaid since "
                                    + invoice.dueDate(), "billing");
                            suspended.add(pkg.label());
                        }
                    }
                    params.put("packages", String.join(", ", suspended));
                    if (!suspended.isEmpty()) {
                        send(em, SUSPENDED_TEMPLATE, account, recipients(account, contacts.contacts(account.id())), params, suspensionKey);
                    }
                } else {
                    send(em, REMINDER_TEMPLATE, account, recipients(account, null), params, reminderKey);
                }
            });
        } catch (NoLongerDue e) {
            context.count("paid-meanwhile", 1);
            return;
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                context.count("already-sent", 1);
                return;
            }
            throw e;
        }
        if (suspend) {
            context.did("suspensions", "suspended " + suspended + " for invoice " + invoice.number() + " (" + overdue + " days overdue)");
        } else {
            context.did("reminders", "reminded of invoice " + invoice.number() + " (" + overdue + " days overdue, " + due + ")");
        }
    }

    private static Map<String, Object> params(Account account, InvoiceEntity invoice, Money due, long overdue) {
        Map<String, Object> params = MailParams.of(account);
        params.put("number", invoice.number());
        params.put("amountDue", due.toString());
        params.put("dueDate", invoice.dueDate().toString());
        params.put("daysOverdue", overdue);
        return params;
    }

    private void send(EntityManager em, String template, Account account, List<String> to, Map<String, Object> params, String key) {
        notifications.send(new OutgoingMessage(template, account.id(), account.language(), OutgoingMessage.EMAIL, to, "INVOICES", params,
                key, false));
    }

    /** The invoice was paid or cancelled after the chunk was read. */
    private static final class NoLongerDue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoLongerDue() {
            super(null, null, false, false);
        }
    }

    /** The notices of the chunk's invoices that happened already. */
    private Set<String> notices(List<InvoiceEntity> chunk) {
        List<String> ids = chunk.stream().map(InvoiceEntity::id).toList();
        return new HashSet<>(Reads.read(jpa, em -> em.createQuery("select n.key from NoticeEntity n where n.invoiceId in :ids", String.class)
                .setParameter("ids", ids).getResultList()));
    }
}
