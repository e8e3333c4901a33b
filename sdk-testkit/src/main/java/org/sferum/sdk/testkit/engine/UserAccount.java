package org.sferum.sdk.testkit.engine;

import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;

/**
 * A user the engine knows: the educational profile's person and the role the school system gave them.
 *
 * @param person the person
 * @param role the role
 */
public record UserAccount(Person person, Role role) {
}
