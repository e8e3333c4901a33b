package org.sferum.sdk.spi;

import java.util.Optional;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * Where links between school accounts and VK ID users are kept (F-LINK-11). Implementations must be
 * thread-safe and, when shared by several nodes, atomic: {@link #insert(Link)} must fail for a second link of
 * the same account or user. Found with {@link java.util.ServiceLoader} or set on the client's builder.
 */
public interface LinkStore {
    /**
     * Stores a new link.
     *
     * @param link the link
     * @throws org.sferum.sdk.error.ConflictException if the account or the user is already linked
     */
    void insert(Link link);

    /**
     * Finds the link of a school account.
     *
     * @param account the account
     * @return the link, if any
     */
    Optional<Link> findByAccount(SchoolAccountId account);

    /**
     * Finds the link of a VK ID user.
     *
     * @param user the user
     * @return the link, if any
     */
    Optional<Link> findByUser(UserId user);

    /**
     * Removes the link of a school account.
     *
     * @param account the account
     * @return whether a link was removed
     */
    boolean delete(SchoolAccountId account);
}
