/**
 * What identity needs from other bundles: the {@link org.hostarea.identity.spi.PackageDirectory} (the
 * packages bundle) resolves the domain of a package login.
 */
@Export
@Version("1.0.0")
package org.hostarea.identity.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
