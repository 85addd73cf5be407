package org.hostarea.identity.internal;

import java.time.Clock;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.RuleViolationException;
import org.hostarea.core.access.SubjectType;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.PackagePasswordService;
import org.hostarea.identity.spi.PackageLogin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Package passwords, hashed like customer passwords and checked by the same rules (a domain of the package
 * is as forbidden as a login). Setting or revoking one ends the package's sessions; both are in the
 * security log. Hashing happens before the transaction.
 */
@Component(service = PackagePasswordService.class)
public class PackagePasswordServiceImpl implements PackagePasswordService {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Credentials credentials;
    private final SecurityLog securityLog;
    private final PackageDirectoryTracker directory;
    private final LoginThrottle throttle;

    @Activate
    public PackagePasswordServiceImpl(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference Credentials credentials,
            @Reference SecurityLog securityLog, @Reference PackageDirectoryTracker directory, @Reference LoginThrottle throttle) {
        this.throttle = throttle;
        this.jpa = jpa;
        this.clock = clock;
        this.credentials = credentials;
        this.securityLog = securityLog;
        this.directory = directory;
    }

    @Override
    public void set(String accountId, String packageId, String password, String actor, ClientInfo client) {
        PackageLogin pkg = directory.byId(packageId).filter(found -> found.accountId().equals(accountId))
                .orElseThrow(() -> new NotFoundException("package-not-found", "There is no such package."));
        if (!pkg.open()) {
            throw new RuleViolationException("package-closed", "This package is not active; its password cannot be set.");
        }
        FieldChecks checks = new FieldChecks();
        credentials.checkNewPassword(checks, "password", password, pkg.domains().toArray(String[]::new));
        checks.throwIfAny();
        String hash = credentials.hash(password);
        long now = clock.millis();
        jpa.tx(TransactionType.Required, em -> {
            PackagePasswordEntity existing = em.find(PackagePasswordEntity.class, packageId);
            if (existing == null) {
                em.persist(new PackagePasswordEntity(packageId, accountId, hash, now));
            } else {
                existing.replace(accountId, hash, now);
            }
            endSessions(em, packageId);
            securityLog.record(em, "PACKAGE_PASSWORD_SET", accountId, actor, client.remoteAddress(), "package " + packageId);
        });
    }

    @Override
    public boolean hasPassword(String packageId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.find(PackagePasswordEntity.class, packageId) != null);
    }

    @Override
    public boolean revoke(String packageId, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            PackagePasswordEntity existing = em.find(PackagePasswordEntity.class, packageId);
            endSessions(em, packageId);
            if (existing == null) {
                return false;
            }
            em.remove(existing);
            securityLog.record(em, "PACKAGE_PASSWORD_REVOKED", existing.accountId(), actor, null, "package " + packageId);
            return true;
        });
    }

    @Override
    public String verifyOwnership(String requesterAccountId, String domain, String password, ClientInfo client) {
        PackageLogin pkg = domain == null ? null : org.hostarea.core.DomainNames.normalize(domain).flatMap(directory::byDomain)
                .filter(PackageLogin::open).orElse(null);
        PackagePasswordEntity stored = pkg == null ? null
                : jpa.txExpr(TransactionType.Supports, em -> em.find(PackagePasswordEntity.class, pkg.packageId()));
        java.util.List<String> keys = new java.util.ArrayList<>(3);
        keys.add("merge:" + requesterAccountId); // its own counter: failures here must not lock the asker's login
        if (stored != null) {
            keys.add(AuthenticationServiceImpl.throttleKey(SubjectType.PACKAGE, stored.id()));
        }
        if (client.remoteAddress() != null) {
            keys.add(LoginThrottle.SOURCE + client.remoteAddress());
        }
        String actor = "account:" + requesterAccountId;
        String logAccount = stored == null ? requesterAccountId : stored.accountId();
        String detail = "proof of a package for a merge, domain " + (domain == null || domain.length() > 100 ? "?" : domain);
        if (throttle.blocked(keys)) {
            credentials.verify(password == null ? "" : password, null);
            securityLog.record("PACKAGE_PROOF_THROTTLED", logAccount, actor, client.remoteAddress(), detail);
            throw packageCredentialsInvalid();
        }
        boolean matches = credentials.verify(password == null ? "" : password, stored == null ? null : stored.passwordHash());
        if (!matches) {
            throttle.failed(keys);
            securityLog.record("PACKAGE_PROOF_FAILED", logAccount, actor, client.remoteAddress(), detail);
            throw packageCredentialsInvalid();
        }
        securityLog.record("PACKAGE_PROOF", stored.accountId(), actor, client.remoteAddress(), detail);
        return stored.accountId();
    }

    private static RuleViolationException packageCredentialsInvalid() {
        return new RuleViolationException("package-credentials-invalid",
                "The domain and package password do not match an active package (or there were too many attempts; try later).");
    }

    private static void endSessions(EntityManager em, String packageId) {
        em.createQuery("delete from SessionEntity s where s.subjectType = :type and s.subjectId = :id")
                .setParameter("type", SubjectType.PACKAGE).setParameter("id", packageId).executeUpdate();
    }
}
