package org.hostarea.billing.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.InvoiceStatus;
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
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a paid invoice sets in motion: a paid renewal moves its package's due date to the end of the paid term
 * (a domain package's domains expire then and leave ON_HOLD), and packages suspended for an invoice that is now
 * paid (or cancelled) are unsuspended, unless another unpaid invoice still holds them. Runs right after a
 * payment for the account ({@link SettlementTrigger}), with every reconciliation tick and in the daily run, so a crash
 * between the payment and this delays it, never loses it. Each step re-checks its row under a lock: it
 * happens once.
 */
@Component(service = SettlementJob.class)
public class SettlementJob implements BillingJob {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementJob.class);

    static final String LIFTED_TEMPLATE = "billing.overdue-lifted";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final PackageService packages;
    private final AccountService accounts;
    private final NotificationService notifications;

    @Activate
    public SettlementJob(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference PackageService packages,
            @Reference AccountService accounts, @Reference NotificationService notifications) {
        this.jpa = jpa;
        this.clock = clock;
        this.packages = packages;
        this.accounts = accounts;
        this.notifications = notifications;
    }

    @Override
    public String name() {
        return "settlement";
    }

    @Override
    public String description() {
        return "Renews packages whose renewal invoice is paid and unsuspends packages whose overdue invoice is paid.";
    }

    /** Settles the paid invoices of the account ({@code null}: of all) now, logging what failed (the next tick retries). */
    void settleNow(String accountId) {
        try {
            JobContext settled = new JobContext(null, false, () -> { });
            settle(accountId, settled);
            if (settled.errorCount() > 0) {
                LOG.warn("settling the paid invoices of account {}: {} error(s), first: {}", accountId, settled.errorCount(),
                        settled.errors().get(0));
            }
        } catch (RuntimeException e) {
            LOG.warn("settling the paid invoices of account {} failed; the next reconciliation retries: {}", accountId, e.toString());
        }
    }

    @Override
    public void run(JobContext context) {
        settle(null, context);
    }

    /**
     * The packages of the notice's invoice that no other unpaid invoice holds suspended (sorted: the order every job
     * locks packages in).
     */
    private static List<String> liftable(javax.persistence.EntityManager em, NoticeEntity notice) {
        Set<String> stillHeld = new LinkedHashSet<>();
        em.createQuery("select i from NoticeEntity n, InvoiceEntity i where n.kind = :kind and n.resolvedAt is null"
                + " and n.invoiceId = i.id and i.status = :unpaid and n.accountId = :account", InvoiceEntity.class)
                .setParameter("kind", NoticeEntity.SUSPENSION).setParameter("unpaid", InvoiceStatus.UNPAID)
                .setParameter("account", notice.accountId()).getResultStream().forEach(i -> stillHeld.addAll(i.packageIds()));
        return em.find(InvoiceEntity.class, notice.invoiceId()).packageIds().stream().filter(id -> !stillHeld.contains(id)).sorted()
                .toList();
    }

    /** Settles everything paid (of one account, or of all for {@code null}). */
    void settle(String accountId, JobContext context) {
        String ofAccount = accountId == null ? "" : " and r.accountId = :account";
        List<RenewalEntity> renewals = Reads.read(jpa, em -> {
            var query = em.createQuery("select r from RenewalEntity r, InvoiceEntity i where r.fulfilledAt is null and r.invoiceId = i.id"
                    + " and i.status = :paid" + ofAccount + " order by r.id", RenewalEntity.class).setParameter("paid", InvoiceStatus.PAID);
            if (accountId != null) {
                query.setParameter("account", accountId);
            }
            return query.setMaxResults(5000).getResultList();
        });
        int done = 0;
        for (RenewalEntity renewal : renewals) {
            if (++done % 200 == 0) {
                context.chunkDone();
            }
            String item = "package " + renewal.packageId() + " renewed until " + renewal.periodEnd();
            if (context.dryRun()) {
                context.did("renewed", item);
                continue;
            }
            try {
                boolean moved = jpa.txExpr(TransactionType.Required, em -> {
                    RenewalEntity locked = em.find(RenewalEntity.class, renewal.id(), LockModeType.PESSIMISTIC_WRITE);
                    if (locked.fulfilled()) {
                        return null;
                    }
                    locked.fulfil(clock.instant());
                    return packages.renewed(locked.packageId(), locked.periodStart(), locked.periodEnd(), "billing");
                });
                if (Boolean.TRUE.equals(moved)) {
                    context.did("renewed", item);
                }
            } catch (RuntimeException e) {
                context.error(item, e);
            }
        }
        String ofNoticeAccount = accountId == null ? "" : " and n.accountId = :account";
        List<NoticeEntity> suspensions = Reads.read(jpa, em -> {
            var query = em.createQuery("select n from NoticeEntity n, InvoiceEntity i where n.kind = :kind and n.resolvedAt is null"
                    + " and n.invoiceId = i.id and i.status <> :unpaid" + ofNoticeAccount + " order by n.key", NoticeEntity.class)
                    .setParameter("kind", NoticeEntity.SUSPENSION).setParameter("unpaid", InvoiceStatus.UNPAID);
            if (accountId != null) {
                query.setParameter("account", accountId);
            }
            return query.setMaxResults(5000).getResultList();
        });
        for (NoticeEntity notice : suspensions) {
            try {
                lift(notice, context);
            } catch (RuntimeException e) {
                context.error("suspension of invoice " + notice.invoiceId(), e);
            }
        }
    }

    private void lift(NoticeEntity notice, JobContext context) {
        if (context.dryRun()) {
            Reads.read(jpa, em -> liftable(em, notice)).forEach(id -> context.did("unsuspended", "package " + id + " unsuspended"));
            return;
        }
        Account account = accounts.get(notice.accountId());
        Map<String, String> restored = new LinkedHashMap<>();
        jpa.tx(TransactionType.Required, em -> {
            NoticeEntity locked = em.find(NoticeEntity.class, notice.key(), LockModeType.PESSIMISTIC_WRITE);
            if (locked.resolved()) {
                return;
            }
            locked.resolve(clock.instant());
            restored.clear();
            for (String packageId : liftable(em, notice)) {
                CustomerPackage pkg = packages.get(packageId);
                if (pkg.status().live() && pkg.suspendReasons().contains(SuspendReason.OVERDUE)) {
                    packages.unsuspend(packageId, SuspendReason.OVERDUE, "billing");
                    restored.put(packageId, pkg.label());
                }
            }
            if (!restored.isEmpty()) {
                Map<String, Object> params = MailParams.of(account);
                params.put("packages", String.join(", ", restored.values()));
                notifications.send(new OutgoingMessage(LIFTED_TEMPLATE, account.id(), account.language(), OutgoingMessage.EMAIL,
                        OverdueJob.recipients(account, null), "INVOICES", params, "overdue-lifted:" + notice.key(), false));
            }
        });
        restored.forEach((id, label) -> context.did("unsuspended", "package " + label + " (" + id + ") unsuspended"));
    }
}
