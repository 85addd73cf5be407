package org.hostarea.packages;

import java.util.List;
import java.util.Map;

/** A plan as staff create or replace it; see {@link Plan} for the fields. {@code active} defaults to true. */
public record PlanInput(String code, PlanType type, Map<String, String> names, List<PlanPrice> prices,
        Map<String, Long> limits, List<String> upgradesTo, List<String> downgradesTo, Boolean active) {
}
