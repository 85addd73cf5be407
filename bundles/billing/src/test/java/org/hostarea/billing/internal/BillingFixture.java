package org.hostarea.billing.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

import org.hostarea.contacts.ContactService;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.AccountStatus;
import org.hostarea.notifications.NotificationService;

/**
 * The billing services over a {@link LocalJpa} for unit tests: every account exists and is active, mails go nowhere,
 * the configuration is its defaults, and what a paid invoice sets in motion (renewals, unsuspension) is left to the
 * integration tests.
 */
final class BillingFixture {

    final Clock clock;
    final AccountService accounts;
    final NotificationService notifications;
    final BillingConfiguration config;
    final PaymentPostings postings;
    final SettlementTrigger settlement;
    final CreditServiceImpl credit;
    final InvoiceServiceImpl invoices;

    BillingFixture(LocalJpa jpa, Clock clock) {
        this.clock = clock;
        this.accounts = fake(AccountService.class, (method, args) -> method.getName().equals("get")
                ? new Account((String) args[0], "12345678", "Owner", "owner@example.org", "en", AccountStatus.ACTIVE, true, Instant.EPOCH, null)
                : null);
        this.notifications = fake(NotificationService.class, (method, args) -> null);
        this.config = fake(BillingConfiguration.class, (method, args) -> method.getDefaultValue());
        this.postings = new PaymentPostings(clock, notifications);
        this.settlement = new SettlementTrigger(null) {
            @Override
            void paid(String accountId) {
            }
        };
        this.credit = new CreditServiceImpl(jpa, clock, accounts, postings, settlement);
        this.invoices = new InvoiceServiceImpl(jpa, clock, accounts, fake(ContactService.class, (method, args) -> null), notifications,
                credit, config);
    }

    /** An implementation of an interface that answers every call with {@code answer}. */
    @SuppressWarnings("unchecked")
    static <T> T fake(Class<T> type, BiFunction<Method, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> answer.apply(method, args));
    }
}
