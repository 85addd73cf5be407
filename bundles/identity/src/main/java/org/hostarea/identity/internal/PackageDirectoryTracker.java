package org.hostarea.identity.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.hostarea.identity.spi.PackageDirectory;
import org.hostarea.identity.spi.PackageLogin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The packages bundle's {@link PackageDirectory}, if it is installed. Identity starts without it; until it
 * comes, nothing is found and package logins fail like wrong passwords.
 */
@Component(service = PackageDirectoryTracker.class)
public class PackageDirectoryTracker {

    private final AtomicReference<PackageDirectory> directory = new AtomicReference<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bind(PackageDirectory added) {
        directory.set(added);
    }

    void unbind(PackageDirectory removed) {
        directory.compareAndSet(removed, null);
    }

    Optional<PackageLogin> byDomain(String domain) {
        PackageDirectory current = directory.get();
        return current == null ? Optional.empty() : current.byDomain(domain);
    }

    Optional<PackageLogin> byId(String packageId) {
        PackageDirectory current = directory.get();
        return current == null ? Optional.empty() : current.byId(packageId);
    }
}
