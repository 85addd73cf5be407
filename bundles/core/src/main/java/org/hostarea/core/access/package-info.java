/**
 * Who may call what, for every bundle: the {@link org.hostarea.core.access.Subject} of a request, the
 * {@link org.hostarea.core.access.Permission}s and {@link org.hostarea.core.access.StaffRole}s, the route
 * declarations ({@link org.hostarea.core.access.CustomerRoute}, {@link org.hostarea.core.access.StaffRoute},
 * {@link org.hostarea.core.access.Authenticated}, and {@link org.hostarea.core.rest.Public}), the one
 * {@link org.hostarea.core.access.AuthorizationService} and the route inventory. The identity bundle
 * implements them (authentication, the route guard, the authorization rules); they live here so that every
 * domain bundle can guard its routes without depending on identity.
 */
@Export
@Version("1.2.0")
package org.hostarea.core.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
