package org.hostarea.billing.internal;

import java.time.Clock;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.CreditEntryKind;
import org.hostarea.core.Money;
import org.hostarea.core.merge.AccountMerge;
import org.hostarea.core.merge.AccountMergeStep;
import org.hostarea.identity.AccountService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Billing's part of a merge. Invoices (with their numbers), payments, payment reports, payment methods, renewals and
 * notices change hands; the credit ledger stays append-only: each currency's balance leaves the merged number with one
 * MERGE entry and arrives at the surviving one with another (keyed by the merge, so a second run writes nothing), under
 * both ledgers' locks taken in key order.
 */
@Component(service = AccountMergeStep.class)
public class BillingMergeStep implements AccountMergeStep {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccountService accounts;

    @Activate
    public BillingMergeStep(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference AccountService accounts) {
        this.jpa = jpa;
        this.clock = clock;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "billing";
    }

    @Override
    public void merge(AccountMerge merge) {
        String from = merge.fromAccountId();
        String into = merge.intoAccountId();
        String fromNumber = accounts.get(from).customerNumber();
        String intoNumber = accounts.get(into).customerNumber();
        List<String> currencies = jpa.txExpr(TransactionType.Required, em -> em.createQuery("select distinct e.currency from"
                + " CreditEntryEntity e where e.accountId = :a order by e.currency", String.class).setParameter("a", from).getResultList());
        for (String currency : currencies) {
            CreditServiceImpl.ensureLedger(jpa, from, currency);
            CreditServiceImpl.ensureLedger(jpa, into, currency);
            jpa.tx(TransactionType.Required, em -> {
                List.of(from, into).stream().sorted((a, b) -> CreditAccountEntity.key(a, currency).compareTo(CreditAccountEntity.key(b, currency)))
                        .forEach(account -> CreditServiceImpl.lockLedger(em, account, currency));
                Money balance = CreditServiceImpl.balance(em, from, currency);
                String key = "merge:" + merge.reference();
                boolean moved = em.createQuery("select count(e) from CreditEntryEntity e where e.accountId = :a and e.idempotencyKey = :k",
                        Long.class).setParameter("a", into).setParameter("k", key).getSingleResult() > 0;
                if (balance.amount().signum() != 0 && !moved) {
                    CreditServiceImpl.append(em, from, balance.negate(), CreditEntryKind.MERGE, null, "moved to customer number " + intoNumber
                            + " (merge)", merge.actor(), key, null, clock.instant());
                    CreditServiceImpl.append(em, into, balance, CreditEntryKind.MERGE, null, "from customer number " + fromNumber
                            + " (merge)", merge.actor(), key, null, clock.instant());
                }
            });
        }
        jpa.tx(TransactionType.Required, em -> {
            long intoDefaults = em.createQuery("select count(p) from PaymentMethodEntity p where p.accountId = :a and p.isDefault = true",
                    Long.class).setParameter("a", into).getSingleResult();
            if (intoDefaults > 0) {
                em.createQuery("update PaymentMethodEntity p set p.isDefault = false where p.accountId = :a").setParameter("a", from)
                        .executeUpdate();
            }
            for (String entity : List.of("InvoiceEntity", "PaymentEntity", "PaymentReportEntity", "PaymentMethodEntity", "RenewalEntity",
                    "NoticeEntity")) {
                em.createQuery("update " + entity + " e set e.accountId = :into where e.accountId = :from").setParameter("into", into)
                        .setParameter("from", from).executeUpdate();
            }
        });
    }
}
