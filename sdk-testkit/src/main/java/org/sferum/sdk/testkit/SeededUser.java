package org.sferum.sdk.testkit;

import java.util.Objects;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * A user created by a seed, with an access token to act as them.
 *
 * @param person the educational profile
 * @param role the school role
 * @param token an access token of the user
 */
public record SeededUser(Person person, Role role, AccessToken token) {
    /**
     * Validates the fields.
     *
     * @param person the educational profile
     * @param role the school role
     * @param token an access token of the user
     */
    public SeededUser {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(token, "token");
    }

    /**
     * Returns the user's id.
     *
     * @return the id
     */
    public UserId id() {
        return person.id();
    }
}
