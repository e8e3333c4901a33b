package org.sferum.sdk.samples.springjournal;

import java.util.List;
import java.util.Optional;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.springframework.stereotype.Component;

/** The journal's own users: school accounts with names and roles, as the school system knows them. */
@Component
public class JournalUsers {
    /** A journal user. */
    public record User(SchoolAccountId account, String name, Role role) {
        /**
         * Tells whether the user teaches.
         *
         * @return whether the role is {@link Role#TEACHER}
         */
        public boolean teacher() {
            return role == Role.TEACHER;
        }
    }

    private final List<User> users = List.of(
            new User(SchoolAccountId.of("spring-teacher-1"), "Анна Смирнова", Role.TEACHER),
            new User(SchoolAccountId.of("spring-student-1"), "Иван Петров", Role.STUDENT),
            new User(SchoolAccountId.of("spring-student-2"), "Мария Козлова", Role.STUDENT));

    /**
     * Returns every user.
     *
     * @return the users
     */
    public List<User> all() {
        return users;
    }

    /**
     * Finds a user by account id.
     *
     * @param account the account id, as the login form sends it
     * @return the user
     */
    public Optional<User> find(String account) {
        return users.stream().filter(u -> u.account().value().equals(account)).findFirst();
    }
}
