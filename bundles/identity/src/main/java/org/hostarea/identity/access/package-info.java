/**
 * Route access declarations for JAX-RS resources ({@link org.hostarea.identity.access.CustomerRoute},
 * {@link org.hostarea.identity.access.StaffRoute}, {@link org.hostarea.identity.access.Authenticated},
 * and core's {@code @Public}), the subject of the current request, and the route inventory.
 */
@Export
@Version("1.0.0")
package org.hostarea.identity.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
