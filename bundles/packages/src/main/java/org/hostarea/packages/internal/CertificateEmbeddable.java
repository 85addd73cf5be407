package org.hostarea.packages.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import org.hostarea.packages.Certificate;

/** An SSL certificate of a package. */
@Embeddable
public class CertificateEmbeddable {

    @Column(name = "NAME", length = 253, nullable = false)
    private String name;

    @Column(name = "EXPIRES_ON", nullable = false)
    private LocalDate expiresOn;

    protected CertificateEmbeddable() {
    }

    CertificateEmbeddable(Certificate certificate) {
        this.name = certificate.name();
        this.expiresOn = certificate.expiresOn();
    }

    Certificate toDto() {
        return new Certificate(name, expiresOn);
    }
}
