package org.hostarea.identity.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds the package a package login names. Registered as an OSGi service by the bundle that owns packages;
 * while none is registered, package logins fail like a wrong password.
 */
@ConsumerType
public interface PackageDirectory {

    /** The package that holds a domain, given in its stored form ({@link org.hostarea.core.DomainNames#normalize}). */
    Optional<PackageLogin> byDomain(String domain);

    Optional<PackageLogin> byId(String packageId);
}
