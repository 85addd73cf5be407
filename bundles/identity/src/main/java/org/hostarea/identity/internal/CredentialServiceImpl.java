package org.hostarea.identity.internal;

import org.hostarea.core.SecretTokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.ValidationException;
import org.hostarea.core.jpa.Writes;
import org.hostarea.identity.AccountStatus;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.CredentialService;
import org.hostarea.core.access.Subject;
import org.hostarea.core.access.SubjectType;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Password reset and change. A reset link carries 256 random bits, is stored as a hash, expires and works
 * once; the request answers alike for unknown logins (same work: a token is made and hashed either way)
 * and mails at most a few links per account and hour. Setting a password ends the account's sessions
 * (all of them after a reset, all others after a change) and tells the owner by email, in the same
 * transaction as the change. Hashing happens before the transaction.
 */
@Component(service = CredentialService.class, configurationPid = IdentityConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class CredentialServiceImpl implements CredentialService {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Credentials credentials;
    private final LoginThrottle throttle;
    private final SecurityLog securityLog;
    private final NotificationService notifications;
    private final AuthorizationService authorization;
    private final SecretTokens tokens = new SecretTokens(new SecureRandom());
    private volatile Duration tokenLifetime;
    private volatile String linkTemplate;
    private volatile int maxPerHour;
    private volatile String emailLinkTemplate;
    private volatile Duration emailTokenLifetime;

    @Activate
    public CredentialServiceImpl(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference Credentials credentials,
            @Reference LoginThrottle throttle, @Reference SecurityLog securityLog, @Reference NotificationService notifications,
            @Reference AuthorizationService authorization, IdentityConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.credentials = credentials;
        this.throttle = throttle;
        this.securityLog = securityLog;
        this.notifications = notifications;
        this.authorization = authorization;
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        this.tokenLifetime = Duration.ofMinutes(config.reset_tokenMinutes());
        this.linkTemplate = config.reset_linkTemplate();
        this.maxPerHour = config.reset_maxPerHour();
        this.emailLinkTemplate = config.emailChange_linkTemplate();
        this.emailTokenLifetime = Duration.ofHours(config.emailChange_tokenHours());
    }

    @Override
    public void requestEmailChange(Subject subject, String currentPassword, String newEmail, ClientInfo client) {
        String accountId = authorization.requireHolder(subject);
        FieldChecks checks = new FieldChecks();
        String address = checks.email("newEmail", newEmail);
        checks.throwIfAny();
        AccountEntity account = jpa.txExpr(TransactionType.Supports, em -> em.find(AccountEntity.class, accountId));
        checkCurrentPassword(account, currentPassword, client, "EMAIL_CHANGE_REFUSED");
        // whether another account has the address is checked at confirmation only: answering here would tell
        // any holder which addresses have accounts
        String token = tokens.newToken();
        jpa.tx(TransactionType.Required, em -> {
            em.persist(new EmailChangeEntity(UUID.randomUUID().toString(), SecretTokens.hash(token), accountId, address,
                    clock.instant(), clock.instant().plus(emailTokenLifetime)));
            securityLog.record(em, "EMAIL_CHANGE_REQUESTED", accountId, "account:" + accountId, client.remoteAddress(), address);
            notifications.send(new OutgoingMessage(AccountMails.EMAIL_CHANGE, accountId, account.language(), OutgoingMessage.EMAIL,
                    java.util.List.of(address), null, Map.of("name", account.ownerName(), "customerNumber", account.customerNumber(),
                    "link", emailLinkTemplate.replace("{token}", token), "hours", emailTokenLifetime.toHours()), null, true));
        });
    }

    @Override
    public void confirmEmailChange(String token, ClientInfo client) {
        Instant now = clock.instant();
        String tokenHash = SecretTokens.wellFormed(token) ? SecretTokens.hash(token) : null;
        EmailChangeEntity change = tokenHash == null ? null : jpa.txExpr(TransactionType.Supports,
                em -> OneTimeLinks.usable(em, EmailChangeEntity.class, tokenHash, now).orElse(null));
        if (change == null) {
            throw invalidEmailToken();
        }
        if (jpa.txExpr(TransactionType.Supports, em -> Accounts.byEmail(em, change.newEmail()).isPresent())) {
            throw emailTaken();
        }
        boolean done = jpa.txExpr(TransactionType.Required, em -> {
            if (!OneTimeLinks.consume(em, EmailChangeEntity.class, tokenHash, now)) {
                return false;
            }
            AccountEntity account = em.find(AccountEntity.class, change.accountId());
            String oldEmail = account.email();
            account.email(change.newEmail());
            voidPendingLinks(em, account.id(), now);
            Writes.flushUnique(em, CredentialServiceImpl::emailTaken);
            securityLog.record(em, "EMAIL_CHANGED", account.id(), "account:" + account.id(), client.remoteAddress(),
                    oldEmail + " -> " + change.newEmail());
            notifications.send(new OutgoingMessage(AccountMails.EMAIL_CHANGED, account.id(), account.language(), OutgoingMessage.EMAIL,
                    java.util.List.of(oldEmail), null, Map.of("name", account.ownerName(), "customerNumber", account.customerNumber(),
                    "newEmail", change.newEmail()), null, false));
            return true;
        });
        if (!done) {
            throw invalidEmailToken();
        }
    }

    private static org.hostarea.core.ConflictException emailTaken() {
        return new org.hostarea.core.ConflictException("email-taken", "Another account already uses this email.");
    }

    private static ValidationException invalidEmailToken() {
        return new ValidationException("email-change-token-invalid", "The link is unknown, used or expired; ask again.",
                java.util.List.of(new org.hostarea.core.FieldError("token", "is unknown, used or expired")));
    }

    @Override
    public void requestReset(String login, ClientInfo client) {
        FieldChecks checks = new FieldChecks();
        String key = checks.text("login", login, 254);
        checks.throwIfAny();
        String token = tokens.newToken();
        String tokenHash = SecretTokens.hash(token);
        jpa.tx(TransactionType.Required, em -> Accounts.byLogin(em, key)
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .ifPresent(account -> issue(em, account, token, tokenHash, "login:" + key, client.remoteAddress())));
    }

    @Override
    public void requestResetFor(String accountId, Subject staff) {
        String token = tokens.newToken();
        String tokenHash = SecretTokens.hash(token);
        boolean found = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = accountId == null ? null : em.find(AccountEntity.class, accountId);
            if (account == null) {
                return false;
            }
            issue(em, account, token, tokenHash, AuthenticationServiceImpl.throttleKey(SubjectType.STAFF, staff.id()), null);
            return true;
        });
        if (!found) {
            throw new NotFoundException("account-not-found", "There is no such account.");
        }
    }

    /** Stores a link and mails it, unless the account already got its share of links this hour. */
    private void issue(EntityManager em, AccountEntity account, String token, String tokenHash, String actor, String remote) {
        Instant now = clock.instant();
        long recent = em.createQuery("select count(r) from PasswordResetEntity r where r.accountId = :a and r.createdAt > :since",
                Long.class).setParameter("a", account.id()).setParameter("since", now.minus(Duration.ofHours(1)).toEpochMilli())
                .getSingleResult();
        if (recent >= maxPerHour) {
            securityLog.record(em, "RESET_SUPPRESSED", account.id(), actor, remote, "more than " + maxPerHour + " links in an hour");
            return;
        }
        em.persist(new PasswordResetEntity(UUID.randomUUID().toString(), tokenHash, account.id(), now, now.plus(tokenLifetime)));
        securityLog.record(em, "RESET_REQUESTED", account.id(), actor, remote, null);
        notifications.send(AccountMails.to(account, AccountMails.PASSWORD_RESET, Map.of(
                "link", linkTemplate.replace("{token}", token), "minutes", tokenLifetime.toMinutes())).asSensitive());
    }

    @Override
    public void confirmReset(String token, String newPassword, ClientInfo client) {
        Instant now = clock.instant();
        String tokenHash = SecretTokens.wellFormed(token) ? SecretTokens.hash(token) : null;
        Optional<AccountEntity> account = tokenHash == null ? Optional.empty() : jpa.txExpr(TransactionType.Supports, em -> OneTimeLinks
                .usable(em, PasswordResetEntity.class, tokenHash, now)
                .map(reset -> em.find(AccountEntity.class, reset.accountId()))
                .filter(found -> found != null && found.status() == AccountStatus.ACTIVE));
        if (account.isEmpty()) {
            throw invalidToken();
        }
        String hash = newHash(newPassword, account.get());
        boolean done = jpa.txExpr(TransactionType.Required, em -> {
            if (!OneTimeLinks.consume(em, PasswordResetEntity.class, tokenHash, now)) {
                return false; // used by a parallel request a moment ago
            }
            setPassword(em, account.get().id(), hash, null, "PASSWORD_RESET", "account:" + account.get().id(),
                    client.remoteAddress());
            return true;
        });
        if (!done) {
            throw invalidToken();
        }
        throttle.unlock(AuthenticationServiceImpl.throttleKey(SubjectType.CUSTOMER, account.get().id()));
    }

    @Override
    public void change(Subject subject, String currentPassword, String newPassword, ClientInfo client) {
        String accountId = authorization.requireHolder(subject);
        AccountEntity account = jpa.txExpr(TransactionType.Supports, em -> em.find(AccountEntity.class, accountId));
        checkCurrentPassword(account, currentPassword, client, "PASSWORD_CHANGE_REFUSED");
        String hash = newHash(newPassword, account);
        jpa.tx(TransactionType.Required, em -> setPassword(em, accountId, hash, subject.sessionId(), "PASSWORD_CHANGED",
                "account:" + accountId, client.remoteAddress()));
    }

    @Override
    public void unlock(String accountId, Subject staff) {
        boolean exists = jpa.txExpr(TransactionType.Supports, em -> accountId != null && em.find(AccountEntity.class, accountId) != null);
        if (!exists) {
            throw new NotFoundException("account-not-found", "There is no such account.");
        }
        throttle.unlock(AuthenticationServiceImpl.throttleKey(SubjectType.CUSTOMER, accountId));
        securityLog.record("UNLOCKED", accountId, AuthenticationServiceImpl.throttleKey(SubjectType.STAFF, staff.id()), null, null);
    }

    /**
     * The current password, under the same brute-force rules as a login: a stolen session must not become a
     * way to guess the password without limit.
     */
    private void checkCurrentPassword(AccountEntity account, String currentPassword, ClientInfo client, String event) {
        java.util.List<String> keys = java.util.List.of(AuthenticationServiceImpl.throttleKey(SubjectType.CUSTOMER, account.id()));
        boolean blocked = throttle.blocked(keys);
        boolean matches = !blocked && currentPassword != null && currentPassword.length() <= Credentials.MAX_INPUT
                && credentials.verify(currentPassword, account.passwordHash());
        if (!matches) {
            if (!blocked) {
                throttle.failed(keys);
            }
            securityLog.record(event, account.id(), "account:" + account.id(), client.remoteAddress(),
                    blocked ? "throttled" : "wrong current password");
            throw ValidationException.of("currentPassword", "is not the current password");
        }
    }

    private String newHash(String password, AccountEntity account) {
        FieldChecks checks = new FieldChecks();
        credentials.checkNewPassword(checks, "newPassword", password, account.email(), account.customerNumber());
        checks.throwIfAny();
        return credentials.hash(password);
    }

    /** Sets the hash, ends the account's sessions but {@code keepSessionId}, logs it and tells the owner. */
    private void setPassword(EntityManager em, String accountId, String hash, String keepSessionId, String event,
            String actor, String remote) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        account.passwordHash(hash);
        voidPendingLinks(em, accountId, clock.instant());
        em.createQuery("delete from SessionEntity s where s.subjectId = :id and s.id <> :keep")
                .setParameter("id", accountId).setParameter("keep", keepSessionId == null ? "" : keepSessionId).executeUpdate();
        securityLog.record(em, event, accountId, actor, remote, null);
        notifications.send(AccountMails.to(account, AccountMails.PASSWORD_CHANGED, Map.of()));
    }

    /**
     * After the password or the login email changed, no older reset or email-change link may work: one of
     * them could be an attacker's way back in.
     */
    private static void voidPendingLinks(EntityManager em, String accountId, Instant now) {
        OneTimeLinks.voidAll(em, PasswordResetEntity.class, accountId, now);
        OneTimeLinks.voidAll(em, EmailChangeEntity.class, accountId, now);
    }

    private static ValidationException invalidToken() {
        return new ValidationException("reset-token-invalid", "The link is unknown, used or expired; ask for a new one.",
                java.util.List.of(new org.hostarea.core.FieldError("token", "is unknown, used or expired")));
    }
}
