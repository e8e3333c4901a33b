package org.sferum.sdk.testkit.engine;

import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;

/**
 * A user the engine knows: the educational profile's person and the role the school system gave them, or a bot
 * (a MAX messenger bot, F-EMB-08): a user with {@code bot} set, whose role is {@link Role#STUDENT}, the role with
 * the fewest rights, so that no teacher-only rule lets a bot through.
 *
 * @param person the person (a bot's name is its first name; its last name is empty)
 * @param role the role
 * @param bot whether the user is a bot
 */
public record UserAccount(Person person, Role role, boolean bot) {
    /**
     * A person's account (not a bot).
     *
     * @param person the person
     * @param role the role
     */
    public UserAccount(Person person, Role role) {
        this(person, role, false);
    }
}
