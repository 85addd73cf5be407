package org.hostarea.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.FieldError;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.SecretTokens;
import org.hostarea.core.ValidationException;
import org.hostarea.core.jpa.Writes;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Permission;
import org.hostarea.core.access.Subject;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.Invitation;
import org.hostarea.identity.LinkedUser;
import org.hostarea.identity.UserService;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Invitations, acceptance and the holder's management of linked users. Permissions live on the link
 * (membership) and are read on every request, so a change counts from the next one.
 */
@Component(service = UserService.class, configurationPid = IdentityConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class UserServiceImpl implements UserService {

    static final String INVITATION_TEMPLATE = "identity.invitation";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Credentials credentials;
    private final SecurityLog securityLog;
    private final NotificationService notifications;
    private final AuthorizationService authorization;
    private final SecretTokens tokens = new SecretTokens(new SecureRandom());
    private volatile String linkTemplate;
    private volatile Duration validity;

    @Activate
    public UserServiceImpl(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference Credentials credentials,
            @Reference SecurityLog securityLog, @Reference NotificationService notifications,
            @Reference AuthorizationService authorization, IdentityConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.credentials = credentials;
        this.securityLog = securityLog;
        this.notifications = notifications;
        this.authorization = authorization;
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        this.linkTemplate = config.invitation_linkTemplate();
        this.validity = Duration.ofDays(config.invitation_validDays());
    }

    @Override
    public Invitation invite(Subject holder, String email, Set<Permission> permissions) {
        String accountId = authorization.requireHolder(holder);
        return invite(accountId, email, permissions, "account:" + accountId);
    }

    @Override
    public Invitation inviteFor(String accountId, String email, Set<Permission> permissions, String reason) {
        return invite(accountId, email, permissions, reason);
    }

    private Invitation invite(String accountId, String email, Set<Permission> permissions, String actor) {
        FieldChecks checks = new FieldChecks();
        String address = checks.email("email", email);
        if (permissions != null && permissions.stream().anyMatch(java.util.Objects::isNull)) {
            checks.reject("permissions", "must be known permissions");
        }
        checks.throwIfAny();
        Set<Permission> granted = permissions == null || permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        String token = tokens.newToken();
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = em.find(AccountEntity.class, accountId);
            InvitationEntity invitation = new InvitationEntity(UUID.randomUUID().toString(), SecretTokens.hash(token), accountId,
                    address, granted, now, now.plus(validity));
            em.persist(invitation);
            securityLog.record(em, "USER_INVITED", accountId, actor, null, address + " " + granted);
            notifications.send(OutgoingMessage.email(INVITATION_TEMPLATE, accountId, account.language(), List.of(address), Map.of(
                    "holder", account.ownerName(), "link", linkTemplate.replace("{token}", token), "days", validity.toDays()))
                    .asSensitive());
            return new Invitation(invitation.id(), address, granted, invitation.expiresAt());
        });
    }

    @Override
    public void accept(String token, String name, String password, ClientInfo client) {
        Instant now = clock.instant();
        String tokenHash = SecretTokens.wellFormed(token) ? SecretTokens.hash(token) : null;
        InvitationEntity invitation = tokenHash == null ? null : jpa.txExpr(TransactionType.Supports,
                em -> OneTimeLinks.usable(em, InvitationEntity.class, tokenHash, now).orElse(null));
        if (invitation == null) {
            throw invalidToken();
        }
        UserEntity existing = jpa.txExpr(TransactionType.Supports, em -> Memberships.userByEmail(em, invitation.email()));
        String newHash = null;
        String userName = null;
        if (existing == null) {
            FieldChecks checks = new FieldChecks();
            userName = checks.text("name", name, 200);
            credentials.checkNewPassword(checks, "password", password, invitation.email());
            checks.throwIfAny();
            newHash = credentials.hash(password);
        } else if (password == null || password.length() > Credentials.MAX_INPUT || !credentials.verify(password, existing.passwordHash())) {
            throw ValidationException.of("password", "is not the password of your existing login");
        }
        String hash = newHash;
        String displayName = userName;
        boolean accepted = jpa.txExpr(TransactionType.Required, em -> {
            if (!OneTimeLinks.consume(em, InvitationEntity.class, tokenHash, now)) {
                return false;
            }
            UserEntity user = existing != null ? em.find(UserEntity.class, existing.id()) : null;
            if (user == null) {
                user = new UserEntity(UUID.randomUUID().toString(), invitation.email(), displayName, hash, now);
                em.persist(user);
                Writes.flushUnique(em, () -> new org.hostarea.core.ConflictException("user-exists",
                        "A login with this email was created a moment ago; accept again with its password."));
            }
            MembershipEntity membership = Memberships.of(em, user.id(), invitation.accountId());
            if (membership == null) {
                em.persist(new MembershipEntity(UUID.randomUUID().toString(), user.id(), invitation.accountId(),
                        invitation.permissionSet(), now));
            } else {
                membership.permissions(invitation.permissionSet());
            }
            securityLog.record(em, "INVITATION_ACCEPTED", invitation.accountId(), "user:" + user.id(), client.remoteAddress(), null);
            return true;
        });
        if (!accepted) {
            throw invalidToken();
        }
    }

    @Override
    public List<LinkedUser> users(Subject holder) {
        String accountId = authorization.requireHolder(holder);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select m from MembershipEntity m where m.accountId = :a"
                + " order by m.createdAt, m.id", MembershipEntity.class).setParameter("a", accountId).getResultStream()
                .map(m -> linked(em, m)).toList());
    }

    @Override
    public LinkedUser grant(Subject holder, String linkId, Set<Permission> permissions) {
        String accountId = authorization.requireHolder(holder);
        if (permissions == null || permissions.stream().anyMatch(java.util.Objects::isNull)) {
            throw ValidationException.of("permissions", "must be a list of known permissions");
        }
        Set<Permission> granted = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        LinkedUser updated = jpa.txExpr(TransactionType.Required, em -> {
            MembershipEntity membership = find(em, accountId, linkId);
            if (membership == null) {
                return null;
            }
            membership.permissions(granted);
            cancelInvitations(em, accountId, em.find(UserEntity.class, membership.userId()).email(), now());
            securityLog.record(em, "PERMISSIONS_CHANGED", accountId, "account:" + accountId, null, "user:" + membership.userId() + " " + granted);
            return linked(em, membership);
        });
        if (updated == null) {
            throw notFound();
        }
        return updated;
    }

    @Override
    public void remove(Subject holder, String linkId) {
        String accountId = authorization.requireHolder(holder);
        boolean removed = jpa.txExpr(TransactionType.Required, em -> {
            MembershipEntity membership = find(em, accountId, linkId);
            if (membership == null) {
                return false;
            }
            unlink(em, accountId, membership, "account:" + accountId);
            return true;
        });
        if (!removed) {
            throw notFound();
        }
    }

    @Override
    public void unlinkEmail(String accountId, String email, String reason) {
        jpa.tx(TransactionType.Required, em -> {
            UserEntity user = Memberships.userByEmail(em, email);
            MembershipEntity membership = user == null ? null : Memberships.of(em, user.id(), accountId);
            if (membership != null) {
                unlink(em, accountId, membership, reason);
            }
        });
    }

    private void unlink(EntityManager em, String accountId, MembershipEntity membership, String actor) {
        cancelInvitations(em, accountId, em.find(UserEntity.class, membership.userId()).email(), now());
        em.remove(membership);
        em.createQuery("delete from SessionEntity s where s.subjectId = :u and s.accountId = :a")
                .setParameter("u", membership.userId()).setParameter("a", accountId).executeUpdate();
        securityLog.record(em, "USER_REMOVED", accountId, actor, null, "user:" + membership.userId());
    }

    /** Pending invitations of the email to the account end too: accepting one later must not restore what was taken. */
    private static void cancelInvitations(EntityManager em, String accountId, String email, Instant now) {
        em.createQuery("update InvitationEntity i set i.usedAt = :now where i.accountId = :a and i.email = :e and i.usedAt is null")
                .setParameter("now", now.toEpochMilli()).setParameter("a", accountId).setParameter("e", email).executeUpdate();
    }

    private Instant now() {
        return clock.instant();
    }

    private static LinkedUser linked(EntityManager em, MembershipEntity m) {
        UserEntity user = em.find(UserEntity.class, m.userId());
        return new LinkedUser(m.id(), m.userId(), user.email(), user.name(), m.permissionSet(), null);
    }

    private static MembershipEntity find(EntityManager em, String accountId, String linkId) {
        MembershipEntity membership = linkId == null ? null : em.find(MembershipEntity.class, linkId);
        return membership != null && membership.accountId().equals(accountId) ? membership : null;
    }

    private static ValidationException invalidToken() {
        return new ValidationException("invitation-token-invalid", "The invitation is unknown, used or expired.",
                List.of(new FieldError("token", "is unknown, used or expired")));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("user-not-found", "There is no such user of this account.");
    }
}
