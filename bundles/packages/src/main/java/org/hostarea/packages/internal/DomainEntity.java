package org.hostarea.packages.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.hostarea.core.DomainNames;
import org.hostarea.packages.Domain;
import org.hostarea.packages.DomainStatus;
import org.hostarea.packages.ExpiringDomain;
import org.hostarea.packages.Registrant;

/** A domain of a package. The unique constraint on its name decides races between two packages. */
@Entity
@Table(name = "HA_DOMAIN", uniqueConstraints = @UniqueConstraint(name = "UQ_DOMAIN_NAME", columnNames = "NAME"),
        indexes = {@Index(name = "IX_DOMAIN_PACKAGE", columnList = "PACKAGE_ID"),
                @Index(name = "IX_DOMAIN_ACCOUNT", columnList = "ACCOUNT_ID")})
public class DomainEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PACKAGE_ID", length = 36, nullable = false)
    private String packageId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    /** The stored form ({@link DomainNames#normalize}). */
    @Column(name = "NAME", length = 253, nullable = false)
    private String name;

    @Column(name = "EXPIRES_ON")
    private LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16)
    private DomainStatus status = DomainStatus.ACTIVE;

    /** Comma-separated host names, empty for the provider's. */
    @Column(name = "NAMESERVERS", length = 3400, nullable = false)
    private String nameservers = "";

    @Column(name = "DNSSEC", nullable = false)
    private boolean dnssec;

    @Column(name = "REGISTRANT_NAME", length = 200)
    private String registrantName;

    @Column(name = "REGISTRANT_ORGANIZATION", length = 200)
    private String registrantOrganization;

    @Column(name = "REGISTRANT_EMAIL", length = 254)
    private String registrantEmail;

    @Column(name = "REGISTRANT_STREET", length = 200)
    private String registrantStreet;

    @Column(name = "REGISTRANT_POSTCODE", length = 20)
    private String registrantPostcode;

    @Column(name = "REGISTRANT_CITY", length = 100)
    private String registrantCity;

    @Column(name = "REGISTRANT_COUNTRY", length = 2)
    private String registrantCountry;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected DomainEntity() {
    }

    DomainEntity(String id, String packageId, String accountId, String name, LocalDate expiresOn, Instant now) {
        this.id = id;
        this.packageId = packageId;
        this.accountId = accountId;
        this.name = name;
        this.expiresOn = expiresOn;
        this.createdAt = now.toEpochMilli();
    }

    String id() {
        return id;
    }

    String packageId() {
        return packageId;
    }

    String name() {
        return name;
    }

    String accountId() {
        return accountId;
    }

    void packageId(String packageId) {
        this.packageId = packageId;
    }

    void accountId(String accountId) {
        this.accountId = accountId;
    }

    LocalDate expiresOn() {
        return expiresOn;
    }

    /** A column added after the first release: rows from before read as ACTIVE. */
    DomainStatus status() {
        return status == null ? DomainStatus.ACTIVE : status;
    }

    /** Renewed until {@code until}: no longer on hold. */
    void renewedUntil(LocalDate until) {
        this.expiresOn = until;
        this.status = DomainStatus.ACTIVE;
    }

    Registrant registrant() {
        return registrantName == null ? null : new Registrant(registrantName, registrantOrganization, registrantEmail, registrantStreet,
                registrantPostcode, registrantCity, registrantCountry);
    }

    void registrant(Registrant registrant) {
        this.registrantName = registrant.name();
        this.registrantOrganization = registrant.organization();
        this.registrantEmail = registrant.email();
        this.registrantStreet = registrant.street();
        this.registrantPostcode = registrant.postcode();
        this.registrantCity = registrant.city();
        this.registrantCountry = registrant.country();
    }

    void hold() {
        this.status = DomainStatus.ON_HOLD;
    }

    ExpiringDomain toExpiring() {
        return new ExpiringDomain(id, name, DomainNames.toUnicode(name), packageId, accountId, expiresOn, status());
    }

    void technical(List<String> nameservers, boolean dnssec) {
        this.nameservers = String.join(",", nameservers);
        this.dnssec = dnssec;
    }

    Domain toDto() {
        List<String> servers = nameservers.isEmpty() ? List.of() : Arrays.asList(nameservers.split(","));
        return new Domain(id, packageId, name, DomainNames.toUnicode(name), expiresOn, status(), servers, dnssec, registrant(),
                Instant.ofEpochMilli(createdAt));
    }
}
