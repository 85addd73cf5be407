package org.hostarea.packages;

/** How often a package is billed: one term is this many months. */
public enum BillingCycle {
    MONTHLY(1), QUARTERLY(3), SEMIANNUAL(6), ANNUAL(12), BIENNIAL(24);

    private final int months;

    BillingCycle(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
