/**
 * Contract requests (merge customer numbers, change of holder, cancellation, ...) as audited workflows with staff
 * review. The kinds of request are {@link org.hostarea.forms.spi.FormType} plugins of the domain bundles.
 */
@Export
@Version("1.1.0")
package org.hostarea.forms;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
