/** Versioned schema migrations: each bundle owns its tables and the ordered scripts that build them. */
@Export
@Version("1.0.0")
package org.hostarea.core.schema;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
