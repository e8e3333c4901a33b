package org.sferum.sdk.calls;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * The id of a call recording.
 *
 * @param value the id, 1 to 64 characters
 */
public record RecordingId(String value) {
    /**
     * Validates the id.
     *
     * @param value the id, 1 to 64 characters
     */
    public RecordingId {
        Checks.notNull(value, "recording id");
        Checks.require(!value.isBlank() && value.length() <= 64, ErrorCode.INVALID_ARGUMENT,
                "recording id must be 1 to 64 characters");
    }
}
