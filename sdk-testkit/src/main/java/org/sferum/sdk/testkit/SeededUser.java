package org.sferum.sdk.testkit;

import java.util.Objects;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * A user created by a seed, with an access token to act as them and the phone of their VK ID account.
 *
 * @param person the educational profile
 * @param role the school role
 * @param token an access token of the user (never expires)
 * @param phone the phone of the user's VK ID account, {@code +79XXXXXXXXX}; the password is
 *     {@link DemoSchool#PASSWORD}
 */
public record SeededUser(Person person, Role role, AccessToken token, String phone) {
    /**
     * Validates the fields.
     *
     * @param person the educational profile
     * @param role the school role
     * @param token an access token of the user (never expires)
     * @param phone the phone of the user's VK ID account
     */
    public SeededUser {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(phone, "phone");
    }

    /**
     * Returns the user's id.
     *
     * @return the id
     */
    public UserId id() {
        return person.id();
    }

    @Override
    public String toString() {
        return "SeededUser[" + person + ", " + role + ", token and phone redacted]";
    }
}
