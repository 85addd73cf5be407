/**
 * Who is calling: customer accounts, staff users, login and sessions, passwords and their reset, and the
 * security log. The access vocabulary it implements (subjects, permissions, the authorization service)
 * is in {@code org.hostarea.core.access}.
 */
@Export
@Version("1.2.0")
package org.hostarea.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
