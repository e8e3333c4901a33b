package org.sferum.sdk.users;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * The id of a user's account in the embedding school system (the journal's own user id). Opaque to the SDK.
 *
 * @param value the id, 1 to 128 characters, no control characters
 */
public record SchoolAccountId(String value) {
    /** Largest accepted length. */
    public static final int MAX_LENGTH = 128;

    /**
     * Validates the id.
     *
     * @param value the id, 1 to 128 characters, no control characters
     */
    public SchoolAccountId {
        Checks.notNull(value, "school account id");
        Checks.require(!value.isBlank() && value.length() <= MAX_LENGTH
                        && value.chars().noneMatch(Character::isISOControl),
                ErrorCode.INVALID_ARGUMENT,
                "school account id must be 1 to " + MAX_LENGTH + " printable characters");
    }

    /**
     * Creates an id.
     *
     * @param value the school system's account id
     * @return the id
     */
    public static SchoolAccountId of(String value) {
        return new SchoolAccountId(value);
    }
}
