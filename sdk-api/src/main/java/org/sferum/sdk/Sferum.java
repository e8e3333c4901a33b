package org.sferum.sdk;

import org.sferum.sdk.links.Links;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The entry point of the SDK, what embedders code against. The real client ({@code SferumClient} in sdk-core)
 * and the fake ({@code FakeSferum} in sdk-testkit) both implement it. Build one per application, share it, and
 * close it when the application stops.
 */
public interface Sferum extends AutoCloseable {

    /**
     * Linking school accounts to VK ID educational profiles.
     *
     * @return the links client
     */
    Links links();

    /**
     * Roster sync from the school system.
     *
     * @return the roster client
     */
    Roster roster();

    /**
     * Acts as the VK ID user linked to a school account, refreshing its tokens as needed.
     *
     * @param account the school account
     * @return the session
     * @throws org.sferum.sdk.error.NotFoundException if the account is not linked
     * @throws org.sferum.sdk.error.RelinkRequiredException if the link can no longer be used
     */
    SferumSession session(SchoolAccountId account);

    /**
     * Acts as the user an access token belongs to. The token is not checked until the first call.
     *
     * @param token the token
     * @return the session
     */
    SferumSession session(AccessToken token);

    /** Releases threads and connections. Idempotent. */
    @Override
    void close();
}
