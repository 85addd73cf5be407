package org.hostarea.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.Id;
import javax.persistence.Table;

import org.hostarea.core.access.Subject;

/** The password of one package; its id is the package's. Times are epoch milliseconds. */
@Entity
@Table(name = "HA_PACKAGE_PASSWORD")
public class PackagePasswordEntity implements LoginSubject {

    @Id
    @Column(name = "PACKAGE_ID", length = 36)
    private String packageId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "PASSWORD_HASH", length = 255, nullable = false)
    private String passwordHash;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    protected PackagePasswordEntity() {
    }

    PackagePasswordEntity(String packageId, String accountId, String passwordHash, long updatedAt) {
        this.packageId = packageId;
        this.accountId = accountId;
        this.passwordHash = passwordHash;
        this.updatedAt = updatedAt;
    }

    void replace(String accountId, String passwordHash, long updatedAt) {
        this.accountId = accountId;
        this.passwordHash = passwordHash;
        this.updatedAt = updatedAt;
    }

    @Override
    public String id() {
        return packageId;
    }

    String accountId() {
        return accountId;
    }

    @Override
    public String passwordHash() {
        return passwordHash;
    }

    @Override
    public boolean canLogIn() {
        return passwordHash != null;
    }

    /** Acts on its package only, and only while the account it belongs to may log in. */
    @Override
    public Subject subject(EntityManager em, String sessionId, String ignoredAccountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        return account == null || !account.canLogIn() ? null : Subject.packageAdmin(packageId, accountId, sessionId);
    }
}
