/**
 * The product catalog (plans with prices per billing cycle and currency, resource limits, allowed plan
 * changes) and the customers' packages: status and due dates, domains, resources and usage, technical
 * settings, plan changes, cancellation, quota suspension. Status changes are published to
 * {@link org.hostarea.packages.PackageListener}s and kept as {@link org.hostarea.packages.PackageEvent}s.
 */
@Export
@Version("1.2.0")
package org.hostarea.packages;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
