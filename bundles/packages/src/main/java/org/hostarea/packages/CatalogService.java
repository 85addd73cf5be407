package org.hostarea.packages;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The product catalog: plans, managed by staff and read publicly (active ones). */
@ProviderType
public interface CatalogService {

    /** Every plan ({@code activeOnly}: the offered ones), ordered by type and code. */
    List<Plan> plans(boolean activeOnly);

    /** @throws org.hostarea.core.NotFoundException ({@code plan-not-found}) */
    Plan plan(String id);

    /** @throws org.hostarea.core.NotFoundException ({@code plan-not-found}) */
    Plan planByCode(String code);

    /**
     * @throws org.hostarea.core.ValidationException for a malformed field, a plan code that does not exist
     *     in {@code upgradesTo}/{@code downgradesTo}, or a duplicate price
     * @throws org.hostarea.core.ConflictException ({@code plan-code-taken})
     */
    Plan create(PlanInput plan);

    /** Replaces a plan; its code and type cannot change while packages use it. */
    Plan update(String id, PlanInput plan);

    /**
     * Deletes a plan no package uses (set {@code active: false} to withdraw one that is used).
     *
     * @throws org.hostarea.core.ConflictException ({@code plan-in-use})
     */
    void delete(String id);
}
