package org.hostarea.contacts.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.hostarea.contacts.ProfileChange;

/** The audit of master data: one row per changed field. Times are epoch milliseconds. */
@Entity
@Table(name = "HA_PROFILE_CHANGE", indexes = @Index(name = "IX_PROFILE_CHANGE_ACCOUNT", columnList = "ACCOUNT_ID,CHANGED_AT"))
public class ProfileChangeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "FIELD", length = 40, nullable = false)
    private String field;

    @Column(name = "OLD_VALUE", length = 254)
    private String oldValue;

    @Column(name = "NEW_VALUE", length = 254)
    private String newValue;

    @Column(name = "CHANGED_BY", length = 120, nullable = false)
    private String changedBy;

    @Column(name = "CHANGED_AT", nullable = false)
    private long changedAt;

    protected ProfileChangeEntity() {
    }

    ProfileChangeEntity(String id, String accountId, String field, String oldValue, String newValue, String changedBy, Instant at) {
        this.id = id;
        this.accountId = accountId;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.changedBy = changedBy;
        this.changedAt = at.toEpochMilli();
    }

    ProfileChange toDto() {
        return new ProfileChange(field, oldValue, newValue, changedBy, Instant.ofEpochMilli(changedAt));
    }
}
