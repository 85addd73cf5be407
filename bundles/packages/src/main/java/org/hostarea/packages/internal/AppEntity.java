package org.hostarea.packages.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.hostarea.packages.InstalledApp;

/** An application installed in a package; one per path. */
@Entity
@Table(name = "HA_PACKAGE_APP", uniqueConstraints = @UniqueConstraint(name = "UQ_APP_PATH", columnNames = {"PACKAGE_ID", "PATH"}))
public class AppEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PACKAGE_ID", length = 36, nullable = false)
    private String packageId;

    @Column(name = "NAME", length = 40, nullable = false)
    private String name;

    @Column(name = "APP_VERSION", length = 20)
    private String version;

    @Column(name = "PATH", length = 200, nullable = false)
    private String path;

    @Column(name = "INSTALLED_AT", nullable = false)
    private long installedAt;

    protected AppEntity() {
    }

    AppEntity(String id, String packageId, String name, String version, String path, Instant now) {
        this.id = id;
        this.packageId = packageId;
        this.name = name;
        this.version = version;
        this.path = path;
        this.installedAt = now.toEpochMilli();
    }

    InstalledApp toDto() {
        return new InstalledApp(id, name, version, path, Instant.ofEpochMilli(installedAt));
    }
}
