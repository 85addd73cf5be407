package org.hostarea.packages.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.hostarea.packages.PackageEvent;
import org.hostarea.packages.PackageEventType;
import org.hostarea.packages.PackageStatus;

/** The durable record of a package event, written in the transaction of the change. */
@Entity
@Table(name = "HA_PACKAGE_EVENT", indexes = @Index(name = "IX_PACKAGE_EVENT_PACKAGE", columnList = "PACKAGE_ID"))
public class PackageEventEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PACKAGE_ID", length = 36, nullable = false)
    private String packageId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "EVENT_TYPE", length = 32, nullable = false)
    private PackageEventType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS", length = 16, nullable = false)
    private PackageStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", length = 16, nullable = false)
    private PackageStatus to;

    @Column(name = "DETAIL", length = 500)
    private String detail;

    @Column(name = "ACTOR", length = 80, nullable = false)
    private String actor;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long occurredAt;

    protected PackageEventEntity() {
    }

    PackageEventEntity(PackageEvent event) {
        this.id = event.id();
        this.packageId = event.packageId();
        this.accountId = event.accountId();
        this.type = event.type();
        this.from = event.from();
        this.to = event.to();
        this.detail = event.detail();
        this.actor = event.actor();
        this.occurredAt = event.at().toEpochMilli();
    }

    PackageEvent toDto() {
        return new PackageEvent(id, packageId, accountId, type, from, to, detail, actor, Instant.ofEpochMilli(occurredAt));
    }
}
