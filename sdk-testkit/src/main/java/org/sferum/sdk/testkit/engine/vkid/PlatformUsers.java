package org.sferum.sdk.testkit.engine.vkid;

import java.time.Clock;
import java.time.Instant;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * What VK ID needs of the platform it signs users into: its clock, its users and its access tokens. The platform
 * engine implements it, so that this package does not depend on the engine's (no cycle between the packages).
 */
public interface PlatformUsers {
    /**
     * Returns the platform's clock.
     *
     * @return the clock every time-dependent rule reads
     */
    Clock clock();

    /**
     * Creates a user with an educational profile.
     *
     * @param firstName the first name
     * @param lastName the last name
     * @param role the role from the school system
     * @return the new user's id
     */
    UserId createUser(String firstName, String lastName, Role role);

    /**
     * Issues an access token of the platform that stops working at an instant.
     *
     * @param user the user
     * @param expiresAt when the token expires
     * @return the token string
     */
    String issueToken(UserId user, Instant expiresAt);

    /**
     * Revokes an access token.
     *
     * @param token the token string
     */
    void revokeToken(String token);

    /**
     * Returns a user's educational profile.
     *
     * @param user the user
     * @return the person
     */
    Person person(UserId user);
}
