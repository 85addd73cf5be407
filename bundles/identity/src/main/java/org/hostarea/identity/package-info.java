/**
 * Who is calling and what they may do: customer accounts, staff users, login and sessions, the
 * {@link org.hostarea.identity.Subject} of a request and the one {@link org.hostarea.identity.AuthorizationService}.
 */
@Export
@Version("1.0.0")
package org.hostarea.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
