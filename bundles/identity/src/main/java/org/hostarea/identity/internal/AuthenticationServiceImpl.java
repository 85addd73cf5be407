package org.hostarea.identity.internal;

import org.hostarea.core.SecretTokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.DomainNames;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.UnauthenticatedException;
import org.hostarea.identity.AuthenticationService;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.IssuedToken;
import org.hostarea.identity.SessionInfo;
import org.hostarea.identity.spi.PackageLogin;
import org.hostarea.core.access.Subject;
import org.hostarea.core.access.SubjectType;
import org.hostarea.notifications.NotificationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins and sessions. Every failed login, whatever the reason, is the same {@code invalid-credentials}
 * problem after the same Argon2id work, and no hashing happens inside a transaction. A session ends at
 * its absolute expiry, after the idle timeout without use, or at logout. Resolving a token is a read;
 * the last-seen time is written at most once per {@code touchInterval} (so idle expiry may come that much
 * early), and a hash made with old Argon2id parameters is upgraded after a successful login.
 */
@Component(service = AuthenticationService.class, configurationPid = IdentityConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AuthenticationServiceImpl implements AuthenticationService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationServiceImpl.class);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Credentials credentials;
    private final LoginThrottle throttle;
    private final SecurityLog securityLog;
    private final NotificationService notifications;
    private final PackageDirectoryTracker directory;
    private final SecretTokens tokens = new SecretTokens(new SecureRandom());
    private volatile Duration idleTimeout;
    private volatile Duration absoluteTimeout;
    private volatile Duration touchInterval;
    private final int lockoutMinutes;

    /** A session as read for one request, with the subject it stands for (empty if that is gone or locked). */
    private record Lookup(String sessionId, Instant lastSeenAt, Instant expiresAt, Optional<Subject> subject) {
    }

    @Activate
    public AuthenticationServiceImpl(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference Credentials credentials,
            @Reference LoginThrottle throttle, @Reference SecurityLog securityLog, @Reference NotificationService notifications,
            @Reference PackageDirectoryTracker directory, IdentityConfiguration config) {
        this.directory = directory;
        this.jpa = jpa;
        this.clock = clock;
        this.credentials = credentials;
        this.throttle = throttle;
        this.securityLog = securityLog;
        this.notifications = notifications;
        this.lockoutMinutes = config.bruteforce_lockoutMinutes();
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        this.idleTimeout = Duration.ofMinutes(Math.max(1, config.session_idleTimeoutMinutes()));
        this.absoluteTimeout = Duration.ofMinutes(Math.max(1, config.session_absoluteTimeoutMinutes()));
        Duration tenth = idleTimeout.dividedBy(10);
        this.touchInterval = tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }

    @Override
    public IssuedToken login(String login, String password, String accountId, ClientInfo client) {
        String key = checkLoginInput(login, password);
        if (key.indexOf('@') < 0 && !CustomerNumbers.valid(key)) {
            return packageLogin(key, password, client);
        }
        AccountEntity owner = jpa.txExpr(TransactionType.Supports, em -> Accounts.byLogin(em, key).orElse(null));
        boolean asUser = (owner == null || (accountId != null && !accountId.equals(owner.id()))) && !CustomerNumbers.valid(key)
                && jpa.txExpr(TransactionType.Supports, em -> Memberships.userByEmail(em, key) != null);
        if (asUser) {
            return login(UserEntity.class, SubjectType.USER, key, em -> Memberships.userByEmail(em, key), password, accountId, client);
        }
        return login(AccountEntity.class, SubjectType.CUSTOMER, key, em -> Accounts.byLogin(em, key).orElse(null), password,
                accountId, client);
    }

    /**
     * A domain of an open package and that package's password: a session on that package's technical
     * settings only. An unknown or closed domain costs the same decoy hashing as a wrong password.
     */
    private IssuedToken packageLogin(String domain, String password, ClientInfo client) {
        String packageId = DomainNames.normalize(domain).flatMap(directory::byDomain).filter(PackageLogin::open)
                .map(PackageLogin::packageId).orElse(null);
        return login(PackagePasswordEntity.class, SubjectType.PACKAGE, domain,
                em -> packageId == null ? null : em.find(PackagePasswordEntity.class, packageId), password, null, client);
    }

    @Override
    public IssuedToken staffLogin(String username, String password, ClientInfo client) {
        String key = checkLoginInput(username, password).toLowerCase(Locale.ROOT);
        return login(StaffUserEntity.class, SubjectType.STAFF, key, em -> em
                .createQuery("select s from StaffUserEntity s where s.username = :u", StaffUserEntity.class)
                .setParameter("u", key).getResultStream().findFirst().orElse(null), password, null, client);
    }

    /**
     * One login for both namespaces. Throttled keys (the account or user, and the source address) are
     * refused after the same decoy hashing as a wrong password, with the same answer; failures are counted
     * per key, a lockout mails the account's owner, and everything lands in the security log.
     */
    private <T extends LoginSubject> IssuedToken login(Class<T> type, SubjectType subjectType, String login,
            Function<EntityManager, T> lookup, String password, String accountId, ClientInfo client) {
        T found = jpa.txExpr(TransactionType.Supports, lookup::apply);
        String subjectKey = found == null ? null : throttleKey(subjectType, found.id());
        List<String> keys = new ArrayList<>(2);
        if (subjectKey != null) {
            keys.add(subjectKey);
        }
        if (client.remoteAddress() != null) {
            keys.add(LoginThrottle.SOURCE + client.remoteAddress());
        }
        String logAccount = found instanceof AccountEntity ? found.id()
                : found instanceof PackagePasswordEntity pkg ? pkg.accountId() : accountId;
        if (throttle.blocked(keys)) {
            credentials.verify(password, null);
            securityLog.record("LOGIN_THROTTLED", logAccount, actor(subjectType, found, login), client.remoteAddress(), null);
            throw invalidCredentials();
        }
        boolean matches = credentials.verify(password, found == null ? null : found.passwordHash());
        if (matches && found instanceof AccountEntity merged && merged.mergedInto() != null) {
            // only who knows the password learns where the number went
            securityLog.record("LOGIN_FAILED", logAccount, actor(subjectType, found, login), client.remoteAddress(), "merged");
            throw new UnauthenticatedException("account-merged", "This customer number was merged into customer number "
                    + merged.mergedInto() + ". Log in with that number.");
        }
        if (!matches || !found.canLogIn()) {
            List<String> locked = throttle.failed(keys);
            securityLog.record("LOGIN_FAILED", logAccount, actor(subjectType, found, login), client.remoteAddress(), null);
            if (subjectKey != null && locked.contains(subjectKey)) {
                locked(subjectType, found, client);
            }
            throw invalidCredentials();
        }
        IssuedToken issued = jpa.txExpr(TransactionType.Required, em -> {
            T current = em.find(type, found.id());
            if (current == null || !current.canLogIn()) {
                return null;
            }
            Subject subject = current.subject(em, UUID.randomUUID().toString(), accountId);
            if (subject == null) {
                return null; // not linked to the account asked for
            }
            securityLog.record(em, "LOGIN", subject.accountId(), actor(subjectType, found, login), client.remoteAddress(), null);
            return openSession(em, subjectType, current.id(), subject, client);
        });
        if (issued == null) {
            throw invalidCredentials(); // closed or removed a moment ago, or not linked to that account
        }
        throttle.succeeded(subjectKey);
        upgradeHash(type, found, password);
        return issued;
    }

    /** Records a lockout and tells the owner of a customer account by email. */
    private void locked(SubjectType type, LoginSubject subject, ClientInfo client) {
        jpa.tx(TransactionType.Required, em -> {
            String accountId = subject instanceof AccountEntity ? subject.id()
                    : subject instanceof PackagePasswordEntity pkg ? pkg.accountId() : null;
            securityLog.record(em, "LOCKED", accountId, actor(type, subject, null), client.remoteAddress(),
                    "locked for " + lockoutMinutes + " minutes");
            if (subject instanceof AccountEntity account) {
                notifications.send(AccountMails.to(account, AccountMails.ACCOUNT_LOCKED, Map.of("minutes", lockoutMinutes,
                        "source", client.remoteAddress() == null ? "-" : client.remoteAddress())));
            }
        });
    }

    static String throttleKey(SubjectType type, String id) {
        return switch (type) {
            case STAFF -> "staff:";
            case USER -> "user:";
            case CUSTOMER -> "account:";
            case PACKAGE -> "package:";
        } + id;
    }

    private static String actor(SubjectType type, LoginSubject subject, String login) {
        if (subject != null) {
            return throttleKey(type, subject.id());
        }
        // an unknown login is recorded only if it has the shape of one: a password typed into the login field is not
        boolean shaped = login.indexOf('@') > 0 || CustomerNumbers.valid(login) || DomainNames.normalize(login).isPresent();
        return "login:" + (!shaped ? "(not a login name)" : login.length() > 100 ? login.substring(0, 100) : login);
    }

    /** Re-hashes with the current parameters, outside the login; a lost race with a parallel login is harmless. */
    private void upgradeHash(Class<? extends LoginSubject> type, LoginSubject subject, String password) {
        if (!credentials.needsRehash(subject.passwordHash())) {
            return;
        }
        String upgraded = credentials.hash(password);
        try {
            jpa.tx(TransactionType.Required, em -> em.createQuery("update " + type.getSimpleName()
                    + " e set e.passwordHash = :upgraded where e.id = :id and e.passwordHash = :old")
                    .setParameter("upgraded", upgraded).setParameter("id", subject.id())
                    .setParameter("old", subject.passwordHash()).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warn("password hash of {} not upgraded: {}", subject.id(), e.toString());
        }
    }

    @Override
    public Optional<Subject> authenticate(String token) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String tokenHash = SecretTokens.hash(token);
        Lookup lookup = jpa.txExpr(TransactionType.Supports, em -> {
            SessionEntity session = em.createQuery("select s from SessionEntity s where s.tokenHash = :h", SessionEntity.class)
                    .setParameter("h", tokenHash).getResultStream().findFirst().orElse(null);
            return session == null ? null
                    : new Lookup(session.id(), session.lastSeenAt(), session.expiresAt(), subjectOf(em, session));
        });
        if (lookup == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(lookup.expiresAt()) || !now.isBefore(lookup.lastSeenAt().plus(idleTimeout))) {
            deleteSession(lookup.sessionId());
            return Optional.empty();
        }
        if (lookup.subject().isPresent() && !now.isBefore(lookup.lastSeenAt().plus(touchInterval))) {
            jpa.tx(TransactionType.Required, em -> em
                    .createQuery("update SessionEntity s set s.lastSeenAt = :now where s.id = :id and s.lastSeenAt < :now")
                    .setParameter("now", now.toEpochMilli()).setParameter("id", lookup.sessionId()).executeUpdate());
        }
        return lookup.subject();
    }

    @Override
    public void logout(Subject subject) {
        deleteSession(subject.sessionId());
    }

    @Override
    public int endAccountSessions(String accountId, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            if (accountId == null || em.find(AccountEntity.class, accountId) == null) {
                throw new NotFoundException("account-not-found", "There is no such account.");
            }
            int ended = em.createQuery("delete from SessionEntity s where s.accountId = :a").setParameter("a", accountId).executeUpdate();
            securityLog.record(em, "SESSIONS_ENDED", accountId, actor, null, ended + " session(s) ended by staff");
            return ended;
        });
    }

    @Override
    public List<SessionInfo> sessions(Subject subject) {
        long now = clock.instant().toEpochMilli();
        long idleSince = now - idleTimeout.toMillis();
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select s from SessionEntity s where s.subjectId = :id"
                + " and s.expiresAt > :now and s.lastSeenAt > :idle order by s.createdAt desc", SessionEntity.class)
                .setParameter("id", subject.id()).setParameter("now", now).setParameter("idle", idleSince)
                .getResultStream().map(session -> session.toInfo(subject.sessionId())).toList());
    }

    @Override
    public void endSession(Subject subject, String sessionId) {
        int ended = jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("delete from SessionEntity s where s.id = :id and s.subjectId = :subject")
                .setParameter("id", sessionId).setParameter("subject", subject.id()).executeUpdate());
        if (ended == 0) {
            throw new NotFoundException("session-not-found", "There is no such session.");
        }
    }

    private void deleteSession(String sessionId) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("delete from SessionEntity s where s.id = :id")
                .setParameter("id", sessionId).executeUpdate());
    }

    /** The subject of a live session, read anew on every request: a revoked permission or link counts at once. */
    private static Optional<Subject> subjectOf(EntityManager em, SessionEntity session) {
        Class<? extends LoginSubject> type = switch (session.subjectType()) {
            case STAFF -> StaffUserEntity.class;
            case USER -> UserEntity.class;
            case CUSTOMER -> AccountEntity.class;
            case PACKAGE -> PackagePasswordEntity.class;
        };
        return Optional.ofNullable((LoginSubject) em.find(type, session.subjectId()))
                .filter(LoginSubject::canLogIn)
                .map(subject -> subject.subject(em, session.id(), session.accountId()));
    }

    private IssuedToken openSession(EntityManager em, SubjectType type, String subjectId, Subject subject, ClientInfo client) {
        Instant now = clock.instant();
        em.createQuery("delete from SessionEntity s where s.subjectId = :id and s.expiresAt <= :now")
                .setParameter("id", subjectId).setParameter("now", now.toEpochMilli()).executeUpdate();
        String token = tokens.newToken();
        Instant expiresAt = now.plus(absoluteTimeout);
        Instant idleExpiresAt = min(now.plus(idleTimeout), expiresAt);
        SessionEntity session = new SessionEntity(subject.sessionId(), SecretTokens.hash(token), type, subjectId, subject.accountId(),
                now, expiresAt, truncate(client.remoteAddress(), 64), truncate(client.userAgent(), 255));
        em.persist(session);
        return new IssuedToken(token, expiresAt, idleExpiresAt, subject);
    }

    /** Both fields present and bounded, or a 400 naming them; says nothing about whether the account exists. */
    private static String checkLoginInput(String login, String password) {
        FieldChecks checks = new FieldChecks();
        String key = checks.text("login", login, 254);
        if (password == null || password.isEmpty()) {
            checks.reject("password", "is required");
        } else if (password.length() > Credentials.MAX_INPUT) {
            checks.reject("password", "is too long");
        }
        checks.throwIfAny();
        return key;
    }

    private static UnauthenticatedException invalidCredentials() {
        return new UnauthenticatedException("invalid-credentials", "The login or the password is wrong.");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
