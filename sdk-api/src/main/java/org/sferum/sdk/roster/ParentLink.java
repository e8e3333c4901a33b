package org.sferum.sdk.roster;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * A parent (or guardian) and one of their children (OneRoster {@code agentSourcedIds}). The parent takes part in
 * the parents' chat of each homeroom class of their children.
 *
 * @param parent the parent or guardian
 * @param child the pupil
 */
public record ParentLink(SchoolAccountId parent, SchoolAccountId child) {
    /**
     * Validates the fields.
     *
     * @param parent the parent
     * @param child the child
     */
    public ParentLink {
        Checks.notNull(parent, "parent");
        Checks.notNull(child, "child");
        Checks.require(!parent.equals(child), ErrorCode.INVALID_ARGUMENT,
                "person " + parent.value() + " cannot be their own parent");
    }
}
