package org.sferum.sdk.calls;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * The id of a call (the VK API's {@code call_id}).
 *
 * @param value the id, 1 to 128 characters
 */
public record CallId(String value) {
    /**
     * Validates the id.
     *
     * @param value the id, 1 to 128 characters
     */
    public CallId {
        Checks.notNull(value, "call id");
        Checks.require(!value.isBlank() && value.length() <= 128, ErrorCode.INVALID_ARGUMENT,
                "call id must be 1 to 128 characters");
    }
}
