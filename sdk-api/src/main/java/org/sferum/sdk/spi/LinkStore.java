package org.sferum.sdk.spi;

import java.util.Optional;
import org.sferum.sdk.internal.InMemoryLinkStore;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * Where links between school accounts and VK ID educational profiles are kept, and the linkings that wait for
 * their callback (F-LINK-11). Implementations must be thread-safe and, when several nodes share them, atomic:
 * {@link #insert(Link)} fails for a second link of the same account or profile, and {@link #takePending(String)}
 * hands a pending linking to one caller only. Found with {@link java.util.ServiceLoader} or set on the client's
 * builder; {@link #inMemory()} is the default. The testkit's {@code LinkStoreContract} checks an implementation.
 */
public interface LinkStore {
    /**
     * A new empty store in memory: for one node, lost on restart.
     *
     * @return the store
     */
    static LinkStore inMemory() {
        return new InMemoryLinkStore();
    }

    /**
     * Stores a new link.
     *
     * @param link the link
     * @throws org.sferum.sdk.error.ConflictException with {@code ACCOUNT_ALREADY_LINKED} if the account is linked,
     *     or {@code PROFILE_ALREADY_LINKED} if the profile is linked to another account; nothing is overwritten
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
     * Finds the link of an educational profile.
     *
     * @param user the profile's user id
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

    /**
     * Keeps a started linking until its callback arrives. A second one with the same state replaces nothing: it
     * fails with {@code CONFLICT}.
     *
     * @param pending the pending linking
     */
    void savePending(PendingLink pending);

    /**
     * Takes (finds and removes, atomically) the pending linking of a state, so that a callback completes it once.
     *
     * @param state the callback's {@code state}
     * @return the pending linking, or empty when there is none (never started, already taken)
     */
    Optional<PendingLink> takePending(String state);
}
