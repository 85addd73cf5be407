/**
 * What a JAX-RS resource of any Hostarea bundle needs to join the one application served at
 * {@code /api}: its name and selection filter, the {@link org.hostarea.core.rest.Public} route
 * declaration and the problem media type.
 */
@Export
@Version("1.0.0")
package org.hostarea.core.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
