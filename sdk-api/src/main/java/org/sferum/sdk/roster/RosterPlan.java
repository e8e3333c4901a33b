package org.sferum.sdk.roster;

import java.util.List;
import java.util.stream.Stream;
import org.sferum.sdk.internal.Checks;

/**
 * The difference between what the roster asks for and what the platform has: counts and the list of changes.
 * Immutable. Produced by {@link Roster#plan(RosterSnapshot)}; applied by {@link Roster#apply(RosterPlan,
 * ApplyOptions)}. A plan of an invalid snapshot is {@link #blocked() blocked}: it has the counts of what the roster
 * asks for and its invalid rows, but no changes.
 */
public final class RosterPlan {
    private final String yearId;
    private final Counts counts;
    private final List<RosterChange> changes;
    private final List<InvalidRow> invalidRows;
    private final boolean blocked;

    /**
     * What the roster asks for and what the plan changes.
     *
     * @param schools schools in the roster
     * @param classes homeroom classes of the current school year
     * @param people enabled people, whatever their role
     * @param chats automatic chats the roster asks for
     * @param memberships memberships of those chats the roster asks for (linked or pending)
     * @param toCreate chats to create
     * @param toAdd members to add (linked people only)
     * @param toRemove members to remove
     * @param toArchive chats to archive
     * @param pending people waiting for their link to VK ID
     * @param invalidRows rows of the input left out
     */
    public record Counts(long schools, long classes, long people, long chats, long memberships, long toCreate,
                         long toAdd, long toRemove, long toArchive, long pending, long invalidRows) {
        /**
         * The number of changes to apply (creations, additions, removals, archivings).
         *
         * @return the total
         */
        public long toApply() {
            return toCreate + toAdd + toRemove + toArchive;
        }
    }

    /**
     * Creates a plan. Called by the SDK's planner; embedders get plans from {@link Roster#plan(RosterSnapshot)}.
     *
     * @param yearId the current school year the plan is for, or {@code null} when the roster has none
     * @param counts the counts
     * @param changes the changes, in order (empty when blocked)
     * @param invalidRows the invalid rows of the input
     * @param blocked whether the snapshot was invalid and nothing may be applied
     */
    public RosterPlan(String yearId, Counts counts, List<RosterChange> changes, List<InvalidRow> invalidRows,
                      boolean blocked) {
        this.yearId = yearId;
        this.counts = Checks.notNull(counts, "counts");
        this.changes = List.copyOf(changes);
        this.invalidRows = List.copyOf(invalidRows);
        this.blocked = blocked;
        Checks.require(!blocked || this.changes.isEmpty(), org.sferum.sdk.error.ErrorCode.INVALID_ARGUMENT,
                "a blocked plan has no changes");
    }

    /**
     * Returns the counts.
     *
     * @return the counts
     */
    public Counts counts() {
        return counts;
    }

    /**
     * Streams the changes in the order they are to be applied.
     *
     * @return the changes
     */
    public Stream<RosterChange> changes() {
        return changes.stream();
    }

    /**
     * Returns the number of changes, pending people included.
     *
     * @return the size of {@link #changes()}
     */
    public int size() {
        return changes.size();
    }

    /**
     * Returns the rows of the input left out of the snapshot.
     *
     * @return the invalid rows
     */
    public List<InvalidRow> invalidRows() {
        return invalidRows;
    }

    /**
     * Tells whether the snapshot had invalid rows and {@link PlanOptions#skipInvalid()} was not set: such a plan
     * has no changes and {@link Roster#apply(RosterPlan, ApplyOptions)} refuses it.
     *
     * @return whether the plan is blocked
     */
    public boolean blocked() {
        return blocked;
    }

    /**
     * Returns the school year the plan is for.
     *
     * @return the year's id, or {@code null} when the roster has no school year
     */
    public String yearId() {
        return yearId;
    }

    /**
     * Tells whether applying the plan would change nothing.
     *
     * @return whether there is nothing to apply
     */
    public boolean isEmpty() {
        return counts.toApply() == 0;
    }
}
