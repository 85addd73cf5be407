/**
 * The shared kernel of Hostarea: money, paging and the domain exceptions that every bundle throws and
 * the REST layer turns into RFC 9457 problems.
 */
@Export
@Version("1.0.0")
package org.hostarea.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
