package org.hostarea.identity.spi;

import java.util.List;

/**
 * A package as a package login sees it.
 *
 * @param open whether its administrator may log in (active or suspended; not pending, cancelled or terminated)
 * @param domains its domains in stored form (a package password must not equal one)
 */
public record PackageLogin(String packageId, String accountId, boolean open, List<String> domains) {

    public PackageLogin {
        domains = List.copyOf(domains);
    }
}
