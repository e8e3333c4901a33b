package org.sferum.sdk.users;

import org.sferum.sdk.internal.Checks;

/**
 * The id of a user of the platform (a VK ID user with an educational profile).
 *
 * @param value the numeric id, positive
 */
public record UserId(long value) {
    /**
     * Validates the id.
     *
     * @param value the numeric id, positive
     */
    public UserId {
        Checks.positive(value, "user id");
    }

    /**
     * Creates a user id.
     *
     * @param value the numeric id, positive
     * @return the id
     */
    public static UserId of(long value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return "user:" + value;
    }
}
