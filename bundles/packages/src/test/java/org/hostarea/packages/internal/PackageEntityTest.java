package org.hostarea.packages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.hostarea.packages.BillingCycle;
import org.hostarea.packages.PackageStatus;
import org.hostarea.packages.PlanInput;
import org.hostarea.packages.PlanPrice;
import org.hostarea.packages.PlanType;
import org.hostarea.packages.SuspendReason;
import org.junit.jupiter.api.Test;

class PackageEntityTest {

    private static PackageEntity pkg(LocalDate start, BillingCycle cycle) {
        PlanEntity plan = new PlanEntity("p", new PlanInput("web", PlanType.HOSTING, Map.of("en", "Web"),
                List.of(new PlanPrice(cycle, "EUR", BigDecimal.TEN)), Map.of(), List.of(), List.of(), true));
        return new PackageEntity("id", "account", "label", plan, PackageStatus.ACTIVE, start, cycle, "EUR", Instant.EPOCH);
    }

    @Test
    void theTermEndsAtTheNextDueDateOrTheNextBoundaryAfterToday() {
        PackageEntity yearly = pkg(LocalDate.of(2026, 3, 15), BillingCycle.ANNUAL);
        assertEquals(LocalDate.of(2027, 3, 15), yearly.nextDueDate());
        assertEquals(LocalDate.of(2027, 3, 15), yearly.termEnd(LocalDate.of(2026, 11, 22)));
        assertEquals(LocalDate.of(2028, 3, 15), yearly.termEnd(LocalDate.of(2027, 3, 15)), "the due day itself starts a new term");
        PackageEntity monthly = pkg(LocalDate.of(2020, 1, 31), BillingCycle.MONTHLY);
        assertEquals(LocalDate.of(2026, 11, 30), monthly.termEnd(LocalDate.of(2026, 11, 22)), "month ends do not drift");
        assertEquals(LocalDate.of(2020, 3, 31), monthly.followingBoundary(LocalDate.of(2020, 2, 29)));
        assertEquals(LocalDate.of(2020, 4, 30), monthly.followingBoundary(LocalDate.of(2020, 3, 31)));
        assertEquals(LocalDate.of(2020, 4, 10), monthly.followingBoundary(LocalDate.of(2020, 3, 10)), "a due date set by hand keeps its day");
    }

    @Test
    void theStatusFollowsTheSuspendReasons() {
        PackageEntity entity = pkg(LocalDate.of(2026, 1, 1), BillingCycle.MONTHLY);
        entity.suspendReasons(EnumSet.of(SuspendReason.QUOTA, SuspendReason.ABUSE));
        assertEquals(PackageStatus.SUSPENDED, entity.status());
        assertEquals(EnumSet.of(SuspendReason.ABUSE, SuspendReason.QUOTA), entity.suspendReasons());
        entity.suspendReasons(EnumSet.noneOf(SuspendReason.class));
        assertEquals(PackageStatus.ACTIVE, entity.status());
        entity.status(PackageStatus.CANCELLED);
        entity.suspendReasons(EnumSet.of(SuspendReason.OVERDUE));
        assertTrue(entity.status() == PackageStatus.CANCELLED, "an ended package stays ended");
    }
}
