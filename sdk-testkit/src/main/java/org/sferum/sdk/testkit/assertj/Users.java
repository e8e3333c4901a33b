package org.sferum.sdk.testkit.assertj;

import java.util.Objects;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/** Turns the ways a test names a user (a seeded user, a person, an id) into an id, and ids into readable names. */
final class Users {
    private Users() {
    }

    static UserId id(Object user) {
        Objects.requireNonNull(user, "user");
        if (user instanceof SeededUser seeded) {
            return seeded.person().id();
        }
        if (user instanceof Person person) {
            return person.id();
        }
        if (user instanceof UserId id) {
            return id;
        }
        throw new IllegalArgumentException("name a user by a SeededUser, a Person or a UserId, not a "
                + user.getClass().getName());
    }

    static String describe(Object user) {
        if (user instanceof SeededUser seeded) {
            return describe(seeded.person());
        }
        if (user instanceof Person person) {
            return person.displayName() + " (id " + person.id().value() + ")";
        }
        return "user " + id(user).value();
    }
}
