package org.sferum.sdk.roster;

/**
 * Roster sync (F-EMB-01): the school system hands over its roster and the SDK keeps the automatic chats
 * (F-CHAT-01) in step with it, for a school or a whole region. Sync is two steps: {@link #plan(RosterSnapshot)}
 * compares what the roster asks for with what the platform has, and {@link #apply(RosterPlan, ApplyOptions)}
 * makes the difference. Planning an applied roster again gives an empty plan. Chats made by hand are never
 * touched. See docs/roster.md.
 */
public interface Roster {

    /**
     * Plans the sync of a snapshot. A snapshot with invalid rows gives a {@link RosterPlan#blocked() blocked} plan.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#ROSTER}.
     *
     * @param snapshot the roster
     * @return the plan
     */
    default RosterPlan plan(RosterSnapshot snapshot) {
        return plan(snapshot, PlanOptions.defaults());
    }

    /**
     * Plans the sync of a snapshot.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#ROSTER}.
     *
     * @param snapshot the roster
     * @param options how to plan
     * @return the plan
     */
    RosterPlan plan(RosterSnapshot snapshot, PlanOptions options);

    /**
     * Applies a plan as the schools' service accounts. A change the platform refuses on its own account (a person
     * not linked, a permission) is counted as failed and the apply goes on; an error of the platform itself stops
     * it: what was done stays done, and planning again gives what is left, so a stopped apply is resumed by
     * planning and applying again. A chat is never left half made.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#ROSTER}.
     *
     * @param plan the plan
     * @param options progress, cancellation, dry run
     * @return what was applied, skipped and failed
     * @throws org.sferum.sdk.error.ValidationException with {@link org.sferum.sdk.error.ErrorCode#INVALID_ROSTER}
     *         if the plan is {@link RosterPlan#blocked() blocked}; nothing is sent then
     * @throws org.sferum.sdk.error.SferumException of {@link org.sferum.sdk.error.ErrorCategory#SERVICE} when the
     *         platform fails midway
     */
    ApplyResult apply(RosterPlan plan, ApplyOptions options);
}
