package org.sferum.sdk.calls;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * A participant of one call: a registered user or an anonymous guest. Stable for the call's life; a user who leaves
 * and joins again keeps it.
 *
 * @param value the id, 1 to 64 characters
 */
public record ParticipantId(String value) {
    /**
     * Validates the id.
     *
     * @param value the id, 1 to 64 characters
     */
    public ParticipantId {
        Checks.notNull(value, "participant id");
        Checks.require(!value.isBlank() && value.length() <= 64, ErrorCode.INVALID_ARGUMENT,
                "participant id must be 1 to 64 characters");
    }
}
