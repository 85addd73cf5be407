package org.hostarea.billing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.UniqueViolation;
import org.hostarea.core.jpa.Reads;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.hostarea.packages.DomainStatus;
import org.hostarea.packages.ExpiringDomain;
import org.hostarea.packages.PackageService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Domain renewal reminders at the configured days before expiry (60, 30, 14, 7 by default; the nearest one
 * reached is sent, once per domain, expiry and threshold), and ON_HOLD for domains whose registration expired
 * (seed 004: reminders start 60 days ahead so that domains are not lost or put on hold).
 */
@Component(service = DomainReminderJob.class, configurationPid = BillingConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DomainReminderJob implements BillingJob {

    static final String TEMPLATE = "billing.domain-renewal-reminder";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final PackageService packages;
    private final AccountService accounts;
    private final NotificationService notifications;
    private volatile BillingConfiguration config;

    @Activate
    public DomainReminderJob(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference PackageService packages,
            @Reference AccountService accounts, @Reference NotificationService notifications, BillingConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.packages = packages;
        this.accounts = accounts;
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
        return "domain-reminders";
    }

    @Override
    public String description() {
        return "Reminds of domains expiring in " + config.domains_reminderDays() + " days and puts expired ones ON_HOLD.";
    }

    @Override
    public void run(JobContext context) {
        List<Integer> thresholds = OverdueJob.days(config.domains_reminderDays());
        int furthest = thresholds.isEmpty() ? 0 : thresholds.get(thresholds.size() - 1);
        int chunkSize = Math.min(1000, Math.max(1, config.jobs_chunkSize())); // IN lists of a chunk stay small for Derby
        String after = null;
        while (true) {
            List<ExpiringDomain> chunk = packages.domainsExpiring(context.asOf().plusDays(furthest), after, chunkSize);
            if (chunk.isEmpty()) {
                return;
            }
            Set<String> sent = sent(chunk, thresholds);
            for (ExpiringDomain domain : chunk) {
                try {
                    handle(domain, thresholds, sent, context);
                } catch (RuntimeException e) {
                    context.error("domain " + domain.name(), e);
                }
            }
            after = chunk.get(chunk.size() - 1).domainId();
            context.chunkDone();
            if (chunk.size() < chunkSize) {
                return;
            }
        }
    }

    private void handle(ExpiringDomain domain, List<Integer> thresholds, Set<String> sent, JobContext context) {
        if (domain.expiresOn().isBefore(context.asOf())) {
            if (domain.status() == DomainStatus.ACTIVE) {
                if (context.dryRun()) {
                    context.did("on-hold", "put " + domain.displayName() + " on hold (expired " + domain.expiresOn() + ")");
                } else if (packages.holdExpiredDomain(domain.domainId(), context.asOf(), "billing")) {
                    context.did("on-hold", "put " + domain.displayName() + " on hold (expired " + domain.expiresOn() + ")");
                }
            }
            return;
        }
        long left = ChronoUnit.DAYS.between(context.asOf(), domain.expiresOn());
        Integer threshold = thresholds.stream().filter(t -> t >= left).findFirst().orElse(null);
        if (threshold == null) {
            return;
        }
        String key = key(domain, threshold);
        if (sent.contains(key)) {
            return;
        }
        String item = "remind of " + domain.displayName() + " expiring " + domain.expiresOn() + " (" + threshold + "-day reminder)";
        if (context.dryRun()) {
            context.did("reminders", item);
            return;
        }
        Account account = accounts.get(domain.accountId());
        Map<String, Object> params = MailParams.of(account);
        params.put("domain", domain.displayName());
        params.put("expiresOn", domain.expiresOn().toString());
        params.put("daysLeft", left);
        try {
            jpa.tx(TransactionType.Required, em -> {
                em.persist(new NoticeEntity(key, NoticeEntity.DOMAIN, domain.accountId(), null, clock.instant()));
                em.flush();
                notifications.send(new OutgoingMessage(TEMPLATE, account.id(), account.language(), OutgoingMessage.EMAIL,
                        List.of(account.email()), "DOMAINS", params, key, false));
            });
            context.did("reminders", item);
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
            context.count("already-sent", 1);
        }
    }

    private static String key(ExpiringDomain domain, int threshold) {
        return "domain-reminder:" + domain.domainId() + ":" + domain.expiresOn() + ":" + threshold;
    }

    /** The reminders of the chunk's domains (at their current expiry) that went out already. */
    private Set<String> sent(List<ExpiringDomain> chunk, List<Integer> thresholds) {
        List<String> keys = chunk.stream().flatMap(d -> thresholds.stream().map(t -> key(d, t))).toList();
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Reads.read(jpa, em -> em.createQuery("select n.key from NoticeEntity n where n.key in :keys", String.class)
                .setParameter("keys", keys).getResultList()));
    }
}
