package org.sferum.sdk.roster;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * A school (an organisation) of the roster. Each school gets one staff chat (F-CHAT-01), owned by its service
 * account.
 *
 * @param id the school system's id of the school (OneRoster {@code orgs.csv} {@code sourcedId})
 * @param name the school's name
 */
public record School(String id, String name) {
    /**
     * Validates the fields.
     *
     * @param id the school's id
     * @param name the school's name
     */
    public School {
        RosterIds.check(id, "school id");
        Checks.require(name != null && !name.isBlank(), ErrorCode.INVALID_ARGUMENT, "school " + id + " needs a name");
    }
}
