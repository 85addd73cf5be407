package org.hostarea.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.jpa.Writes;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.AccountStatus;
import org.hostarea.identity.NewAccount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Opens and reads customer accounts. The password, if given, is hashed before the transaction starts. */
@Component(service = AccountService.class)
public class AccountServiceImpl implements AccountService {

    static final Set<String> LANGUAGES = Set.of("en", "es", "de");
    private static final int NUMBER_ATTEMPTS = 20;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Credentials credentials;
    private final SecurityLog securityLog;
    private final org.hostarea.notifications.NotificationService notifications;
    private final CustomerNumbers numbers = new CustomerNumbers(new SecureRandom());

    @Activate
    public AccountServiceImpl(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa, @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock,
            @Reference Credentials credentials, @Reference SecurityLog securityLog,
            @Reference org.hostarea.notifications.NotificationService notifications) {
        this.notifications = notifications;
        this.jpa = jpa;
        this.securityLog = securityLog;
        this.clock = clock;
        this.credentials = credentials;
    }

    @Override
    public Account create(NewAccount request) {
        FieldChecks checks = new FieldChecks();
        String ownerName = checks.text("ownerName", request.ownerName(), 200);
        String email = checks.email("email", request.email());
        String language = request.language() == null ? "en" : request.language();
        if (!LANGUAGES.contains(language)) {
            checks.reject("language", "must be one of en, es, de");
        }
        if (request.password() != null) {
            credentials.checkNewPassword(checks, "password", request.password(), email);
        }
        checks.throwIfAny();
        if (jpa.txExpr(TransactionType.Supports, em -> Accounts.byEmail(em, email).isPresent())) {
            throw emailTaken();
        }
        String passwordHash = request.password() == null ? null : credentials.hash(request.password());
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = new AccountEntity(UUID.randomUUID().toString(), freeCustomerNumber(em), ownerName,
                    email, language, clock.instant());
            account.passwordHash(passwordHash);
            em.persist(account);
            Writes.flushUnique(em, AccountServiceImpl::emailTaken);
            return account.toDto();
        });
    }

    @Override
    public Account get(String accountId) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(accountId == null ? null
                : em.find(AccountEntity.class, accountId)).map(AccountEntity::toDto))
                .orElseThrow(() -> new NotFoundException("account-not-found", "There is no such account."));
    }

    @Override
    public Account byCustomerNumber(String customerNumber) {
        String number = customerNumber == null ? "" : customerNumber.strip();
        return jpa.txExpr(TransactionType.Supports, em -> CustomerNumbers.valid(number)
                ? Accounts.byCustomerNumber(em, number).map(AccountEntity::toDto) : Optional.<Account>empty())
                .orElseThrow(() -> new NotFoundException("account-not-found", "There is no such account."));
    }

    @Override
    public void closeMerged(String fromAccountId, String intoAccountId, String actor) {
        jpa.tx(TransactionType.Required, em -> {
            // both rows locked in id order: two merges of the same pair in opposite directions cannot deadlock
            for (String id : java.util.stream.Stream.of(fromAccountId, intoAccountId).sorted().toList()) {
                em.find(AccountEntity.class, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            }
            AccountEntity into = em.find(AccountEntity.class, intoAccountId);
            AccountEntity from = em.find(AccountEntity.class, fromAccountId);
            if (into == null || from == null) {
                throw new NotFoundException("account-not-found", "There is no such account.");
            }
            if (into.status() != AccountStatus.ACTIVE) {
                throw new org.hostarea.core.RuleViolationException("account-closed", "Customer number " + into.customerNumber()
                        + " is closed" + (into.mergedInto() == null ? "" : " (merged into " + into.mergedInto() + ")")
                        + "; nothing can be merged into it.");
            }
            if (from.status() != AccountStatus.ACTIVE) {
                if (into.customerNumber().equals(from.mergedInto())) {
                    return; // merged a moment ago
                }
                throw new org.hostarea.core.RuleViolationException("account-closed", "Customer number " + from.customerNumber()
                        + " is already closed" + (from.mergedInto() == null ? "" : " (merged into " + from.mergedInto() + ")") + ".");
            }
            from.closeMerged(into.customerNumber());
            em.createQuery("delete from SessionEntity s where s.accountId = :a").setParameter("a", fromAccountId).executeUpdate();
            em.createQuery("update PasswordResetEntity r set r.usedAt = :now where r.accountId = :a and r.usedAt is null")
                    .setParameter("now", clock.millis()).setParameter("a", fromAccountId).executeUpdate();
            em.createQuery("update EmailChangeEntity r set r.usedAt = :now where r.accountId = :a and r.usedAt is null")
                    .setParameter("now", clock.millis()).setParameter("a", fromAccountId).executeUpdate();
            securityLog.record(em, "ACCOUNT_MERGED", fromAccountId, actor, null, "merged into " + into.customerNumber());
            securityLog.record(em, "ACCOUNT_MERGED", intoAccountId, actor, null, from.customerNumber() + " merged into this account");
        });
    }

    @Override
    public boolean changeOwner(String accountId, String ownerName, String email, boolean endPassword, String actor) {
        FieldChecks checks = new FieldChecks();
        String name = ownerName == null ? null : checks.text("ownerName", ownerName, 200);
        String mail = email == null ? null : checks.email("email", email);
        checks.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = em.find(AccountEntity.class, accountId == null ? "" : accountId,
                    javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (account == null) {
                throw new NotFoundException("account-not-found", "There is no such account.");
            }
            if (account.status() != AccountStatus.ACTIVE) {
                throw new org.hostarea.core.RuleViolationException("account-closed", "This customer number is closed.");
            }
            boolean newName = name != null && !name.equals(account.ownerName());
            boolean newEmail = mail != null && !AccountEntity.emailKey(mail).equals(AccountEntity.emailKey(account.email()));
            if (!newName && !newEmail) {
                return false;
            }
            if (newEmail && Accounts.byEmail(em, mail).filter(other -> !other.id().equals(accountId)).isPresent()) {
                throw emailTaken();
            }
            String before = account.ownerName() + " <" + account.email() + ">";
            String oldEmail = account.email();
            if (newName) {
                account.ownerName(name);
            }
            if (newEmail) {
                account.email(mail);
            }
            if (endPassword) {
                account.passwordHash(null);
            }
            em.createQuery("delete from SessionEntity s where s.subjectType = :t and s.subjectId = :a")
                    .setParameter("t", org.hostarea.core.access.SubjectType.CUSTOMER).setParameter("a", accountId).executeUpdate();
            Writes.flushUnique(em, AccountServiceImpl::emailTaken);
            securityLog.record(em, "OWNER_CHANGED", accountId, actor, null, before + " -> " + account.ownerName() + " <" + account.email()
                    + ">" + (endPassword ? ", password ended" : ""));
            if (newEmail) { // the old address is told, so a change nobody asked for does not go unnoticed
                notifications.send(new org.hostarea.notifications.OutgoingMessage(AccountMails.EMAIL_CHANGED, accountId, account.language(),
                        org.hostarea.notifications.OutgoingMessage.EMAIL, List.of(oldEmail), null, Map.of("name", account.ownerName(),
                        "customerNumber", account.customerNumber(), "newEmail", account.email()), null, false));
            }
            return true;
        });
    }

    private static ConflictException emailTaken() {
        return new ConflictException("email-taken", "Another account already uses this email.");
    }

    private String freeCustomerNumber(javax.persistence.EntityManager em) {
        for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
            String number = numbers.next();
            if (!Accounts.customerNumberTaken(em, number)) {
                return number;
            }
        }
        throw new IllegalStateException("no free customer number after " + NUMBER_ATTEMPTS + " attempts");
    }
}
