/** Database leases for periodic work, so that one node of several on one database does each run. */
@Export
@Version("1.0.0")
package org.hostarea.core.lease;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
