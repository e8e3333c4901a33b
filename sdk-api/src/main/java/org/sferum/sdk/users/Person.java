package org.sferum.sdk.users;

import java.util.Objects;

/**
 * What the platform shows of a user: their id and the name of their educational profile. Nothing of a personal
 * VK profile is ever exposed (F-LINK-08).
 *
 * @param id the user id
 * @param firstName the first name
 * @param lastName the last name
 */
public record Person(UserId id, String firstName, String lastName) {
    /**
     * Validates the fields.
     *
     * @param id the user id
     * @param firstName the first name
     * @param lastName the last name
     */
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }

    /**
     * Returns "First Last".
     *
     * @return the display name
     */
    public String displayName() {
        return (firstName + " " + lastName).trim();
    }
}
