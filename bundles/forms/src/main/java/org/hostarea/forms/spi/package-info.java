/** The plugin interface of the forms workflow: each domain bundle registers its {@link org.hostarea.forms.spi.FormType}s. */
@Export
@Version("1.1.0")
package org.hostarea.forms.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
