/**
 * Payment gateways are plugins: a bundle registers a {@link org.hostarea.billing.spi.PaymentGateway} service
 * and billing binds it at run time; payments through a gateway that is not installed wait (503 for new ones,
 * UNKNOWN until reconciled for those in flight).
 */
@Export
@Version("1.1.0")
package org.hostarea.billing.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
