package org.sferum.sdk.links;

import java.time.Instant;
import java.util.Objects;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * A school account linked to a VK ID educational profile (F-LINK-01).
 *
 * @param account the school system's account
 * @param user the VK ID user of the educational profile
 * @param role the role the school system gives the account
 * @param linkedAt when the link was made
 */
public record Link(SchoolAccountId account, UserId user, Role role, Instant linkedAt) {
    /**
     * Validates the fields.
     *
     * @param account the school system's account
     * @param user the VK ID user of the educational profile
     * @param role the role the school system gives the account
     * @param linkedAt when the link was made
     */
    public Link {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
