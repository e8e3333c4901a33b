package org.sferum.sdk;

import java.util.Set;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The entry point of the SDK, what embedders code against. The real client ({@code SferumClient} in sdk-core)
 * and the fake ({@code FakeSferum} in sdk-testkit) both implement it. Build one per application, share it, and
 * close it when the application stops.
 *
 * <p>What works depends on the configured backend (the VK API alone, with the Sferum partner contract, an
 * emulator, the fake): ask {@link #capabilities()} and hide what it lacks. An operation whose capability is
 * missing throws {@link org.sferum.sdk.error.UnsupportedCapabilityException} before anything is sent; each
 * operation's Javadoc names the capability it needs ({@code docs/backends.md}).
 */
public interface Sferum extends AutoCloseable {

    /**
     * Returns what the configured backend can do, so that an embedding UI hides the rest. Needs nothing.
     *
     * @return an immutable set
     */
    Set<Capability> capabilities();

    /**
     * Returns the configured backend's name, as exceptions and logs name it, such as {@code VK API} or
     * {@code VK API + partner contract}. Needs nothing.
     *
     * @return the name
     */
    String backend();

    /**
     * Linking school accounts to VK ID educational profiles. Needs {@link Capability#LINKING}.
     *
     * @return the links client
     */
    Links links();

    /**
     * Roster sync from the school system. Needs {@link Capability#ROSTER}.
     *
     * @return the roster client
     */
    Roster roster();

    /**
     * Acts as the VK ID user linked to a school account, refreshing its tokens as needed. Needs
     * {@link Capability#LINKING}.
     *
     * @param account the school account
     * @return the session
     * @throws org.sferum.sdk.error.NotFoundException if the account is not linked
     * @throws org.sferum.sdk.error.RelinkRequiredException if the link can no longer be used
     */
    SferumSession session(SchoolAccountId account);

    /**
     * Acts as the user an access token belongs to. The token is not checked until the first call. Needs
     * nothing; each operation of the session needs its own capability.
     *
     * @param token the token
     * @return the session
     */
    SferumSession session(AccessToken token);

    /** Releases threads and connections. Idempotent. Needs nothing. */
    @Override
    void close();
}
