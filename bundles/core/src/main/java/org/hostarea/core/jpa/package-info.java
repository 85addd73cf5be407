/** Helpers for the bundles' persistence units (Aries JPA templates). */
@Export
@Version("1.0.0")
package org.hostarea.core.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
