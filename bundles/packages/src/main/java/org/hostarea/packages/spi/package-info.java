/**
 * What packages asks of other bundles: {@link org.hostarea.packages.spi.PlanChangeCharger} (billing) charges
 * the prorated difference of an upgrade.
 */
@Export
@Version("1.0.0")
package org.hostarea.packages.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
