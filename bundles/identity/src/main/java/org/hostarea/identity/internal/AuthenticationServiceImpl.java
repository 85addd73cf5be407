package org.hostarea.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.UnauthenticatedException;
import org.hostarea.identity.AccountStatus;
import org.hostarea.identity.AuthenticationService;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.IssuedToken;
import org.hostarea.identity.Subject;
import org.hostarea.identity.SubjectType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Logins and sessions. Every failed login, whatever the reason, is the same {@code invalid-credentials}
 * problem after the same Argon2id work. Hashing happens outside any transaction. A session ends at its
 * absolute expiry, after the idle timeout without use, or at logout; the last-seen time is written at
 * most once per {@link #touchInterval} to keep reads cheap (so idle expiry may come that much early).
 */
@Component(service = AuthenticationService.class, configurationPid = IdentityConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AuthenticationServiceImpl implements AuthenticationService {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Credentials credentials;
    private final Tokens tokens = new Tokens(new SecureRandom());
    private volatile Duration idleTimeout;
    private volatile Duration absoluteTimeout;
    private volatile Duration touchInterval;

    @Activate
    public AuthenticationServiceImpl(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference Credentials credentials, IdentityConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.credentials = credentials;
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        this.idleTimeout = Duration.ofMinutes(config.session_idleTimeoutMinutes());
        this.absoluteTimeout = Duration.ofMinutes(config.session_absoluteTimeoutMinutes());
        Duration tenth = idleTimeout.dividedBy(10);
        this.touchInterval = tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }

    @Override
    public IssuedToken login(String login, String password, ClientInfo client) {
        String key = checkLoginInput(login, password);
        AccountEntity account = jpa.txExpr(TransactionType.Supports, em -> Accounts.byLogin(em, key).orElse(null));
        boolean matches = credentials.verify(password, account == null ? null : account.passwordHash());
        if (!matches || account.status() != AccountStatus.ACTIVE) {
            throw invalidCredentials();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity current = em.find(AccountEntity.class, account.id());
            if (credentials.needsRehash(current.passwordHash())) {
                current.passwordHash(credentials.hash(password));
            }
            return openSession(em, SubjectType.CUSTOMER, current.id(), client,
                    sessionId -> Subject.accountHolder(current.id(), sessionId));
        });
    }

    @Override
    public IssuedToken staffLogin(String username, String password, ClientInfo client) {
        String key = checkLoginInput(username, password).toLowerCase(Locale.ROOT);
        StaffUserEntity staff = jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select s from StaffUserEntity s where s.username = :u", StaffUserEntity.class)
                .setParameter("u", key).getResultStream().findFirst().orElse(null));
        boolean matches = credentials.verify(password, staff == null ? null : staff.passwordHash());
        if (!matches || !staff.active()) {
            throw invalidCredentials();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            StaffUserEntity current = em.find(StaffUserEntity.class, staff.id());
            if (credentials.needsRehash(current.passwordHash())) {
                current.passwordHash(credentials.hash(password));
            }
            return openSession(em, SubjectType.STAFF, current.id(), client,
                    sessionId -> Subject.staff(current.id(), current.role(), sessionId));
        });
    }

    @Override
    public Optional<Subject> authenticate(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        String tokenHash = Tokens.hash(token);
        return jpa.txExpr(TransactionType.Required, em -> {
            SessionEntity session = bySessionToken(em, tokenHash);
            if (session == null) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(idleTimeout))) {
                em.remove(session);
                return Optional.empty();
            }
            if (!now.isBefore(session.lastSeenAt().plus(touchInterval))) {
                session.seen(now);
            }
            return subjectOf(em, session);
        });
    }

    @Override
    public void logout(String token) {
        if (!Tokens.wellFormed(token)) {
            return;
        }
        String tokenHash = Tokens.hash(token);
        jpa.tx(TransactionType.Required, em -> em.createQuery("delete from SessionEntity s where s.tokenHash = :h")
                .setParameter("h", tokenHash).executeUpdate());
    }

    private Optional<Subject> subjectOf(EntityManager em, SessionEntity session) {
        return switch (session.subjectType()) {
            case CUSTOMER -> Optional.ofNullable(em.find(AccountEntity.class, session.subjectId()))
                    .filter(account -> account.status() == AccountStatus.ACTIVE)
                    .map(account -> Subject.accountHolder(account.id(), session.id()));
            case STAFF -> Optional.ofNullable(em.find(StaffUserEntity.class, session.subjectId()))
                    .filter(StaffUserEntity::active)
                    .map(staff -> Subject.staff(staff.id(), staff.role(), session.id()));
        };
    }

    private IssuedToken openSession(EntityManager em, SubjectType type, String subjectId, ClientInfo client,
            java.util.function.Function<String, Subject> subject) {
        Instant now = clock.instant();
        em.createQuery("delete from SessionEntity s where s.subjectId = :id and s.expiresAt <= :now")
                .setParameter("id", subjectId).setParameter("now", now.toEpochMilli()).executeUpdate();
        String token = tokens.newToken();
        Instant expiresAt = now.plus(absoluteTimeout);
        Instant idleExpiresAt = min(now.plus(idleTimeout), expiresAt);
        SessionEntity session = new SessionEntity(UUID.randomUUID().toString(), Tokens.hash(token), type, subjectId, now,
                expiresAt, truncate(client.remoteAddress(), 64), truncate(client.userAgent(), 255));
        em.persist(session);
        return new IssuedToken(token, expiresAt, idleExpiresAt, subject.apply(session.id()));
    }

    private static SessionEntity bySessionToken(EntityManager em, String tokenHash) {
        return em.createQuery("select s from SessionEntity s where s.tokenHash = :h", SessionEntity.class)
                .setParameter("h", tokenHash).getResultStream().findFirst().orElse(null);
    }

    /** Both fields present and bounded, or a 400 naming them; says nothing about whether the account exists. */
    private static String checkLoginInput(String login, String password) {
        FieldChecks checks = new FieldChecks();
        String key = checks.text("login", login, 254);
        if (password == null || password.isEmpty()) {
            checks.reject("password", "is required");
        } else if (password.length() > Credentials.MAX_LENGTH) {
            checks.reject("password", "must be at most " + Credentials.MAX_LENGTH + " characters");
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
