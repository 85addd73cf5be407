package org.hostarea.packages.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by billing: charges the prorated difference of an upgrade. Called inside the transaction
 * that applies the upgrade, so the two commit or roll back together; it must be idempotent per
 * {@link ProratedCharge#planChangeId()}. While no charger is registered, upgrades record the charge as
 * PENDING and billing takes them later ({@link org.hostarea.packages.PackageService#pendingCharges},
 * {@link org.hostarea.packages.PackageService#markCharged}).
 */
@ConsumerType
public interface PlanChangeCharger {

    void charge(ProratedCharge charge);
}
