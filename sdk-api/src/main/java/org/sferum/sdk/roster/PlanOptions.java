package org.sferum.sdk.roster;

/**
 * How to plan.
 *
 * @param skipInvalid plan the valid part of a snapshot that has invalid rows (otherwise such a snapshot plans
 *                    nothing)
 */
public record PlanOptions(boolean skipInvalid) {
    /**
     * The defaults: an invalid snapshot plans nothing.
     *
     * @return the options
     */
    public static PlanOptions defaults() {
        return new PlanOptions(false);
    }

    /**
     * Plans the valid part of a snapshot with invalid rows, leaving the invalid rows out.
     *
     * @return the options
     */
    public static PlanOptions skippingInvalid() {
        return new PlanOptions(true);
    }
}
