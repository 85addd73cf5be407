package org.hostarea.packages;

import java.util.List;
import java.util.Map;

/**
 * The technical side of a package, all a package administrator (domain + package password) may see: no
 * contract data (no price, dates, plan change or cancellation).
 */
public record PackageTechnical(String id, PlanType type, PackageStatus status, List<Domain> domains, List<Resource> resources,
        List<String> dedicatedIps, List<Certificate> certificates, List<InstalledApp> apps, Map<String, String> settings) {
}
