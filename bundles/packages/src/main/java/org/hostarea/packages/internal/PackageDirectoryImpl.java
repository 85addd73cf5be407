package org.hostarea.packages.internal;

import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.identity.spi.PackageDirectory;
import org.hostarea.identity.spi.PackageLogin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells identity which package a package login's domain belongs to, and whether it may be logged in to. */
@Component(service = PackageDirectory.class)
public class PackageDirectoryImpl implements PackageDirectory {

    private final JpaTemplate jpa;

    @Activate
    public PackageDirectoryImpl(@Reference(target = "(osgi.unit.name=packages)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<PackageLogin> byDomain(String domain) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            DomainEntity found = PackageServiceImpl.domainByName(em, domain);
            return found == null ? Optional.empty() : login(em, found.packageId());
        });
    }

    @Override
    public Optional<PackageLogin> byId(String packageId) {
        return jpa.txExpr(TransactionType.Supports, em -> login(em, packageId));
    }

    private static Optional<PackageLogin> login(EntityManager em, String packageId) {
        PackageEntity pkg = packageId == null ? null : em.find(PackageEntity.class, packageId);
        if (pkg == null) {
            return Optional.empty();
        }
        var domains = em.createQuery("select d.name from DomainEntity d where d.packageId = :p", String.class)
                .setParameter("p", packageId).getResultList();
        return Optional.of(new PackageLogin(pkg.id(), pkg.accountId(), pkg.status().live(), domains));
    }
}
