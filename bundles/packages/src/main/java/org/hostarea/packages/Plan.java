package org.hostarea.packages;

import java.util.List;
import java.util.Map;

/**
 * A plan of the catalog.
 *
 * @param code stable, unique, lower case ({@code hosting-basic})
 * @param names the name per language ({@code en}, {@code es}, {@code de}; {@code en} always present)
 * @param limits resource limits by resource name ({@code diskMb}, {@code trafficGb}, {@code mailboxes},
 *     {@code databases}, {@code domains}, {@code apps}...); a resource without a limit is unlimited
 * @param upgradesTo the plan codes a package of this plan may be upgraded to (takes effect at once)
 * @param downgradesTo the plan codes it may be downgraded to (at the end of the term)
 * @param active only active plans are offered and can be changed to
 */
public record Plan(String id, String code, PlanType type, Map<String, String> names, List<PlanPrice> prices,
        Map<String, Long> limits, List<String> upgradesTo, List<String> downgradesTo, boolean active) {

    public Plan {
        names = Map.copyOf(names);
        prices = List.copyOf(prices);
        limits = Map.copyOf(limits);
        upgradesTo = List.copyOf(upgradesTo);
        downgradesTo = List.copyOf(downgradesTo);
    }
}
