package org.sferum.sdk.benchmarks;

import org.sferum.sdk.SferumSession;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.users.AccessToken;

/**
 * sdk-core over a transport that answers from memory (canned or recorded answers), so that a benchmark measures
 * the client's own work and no network: production endpoints, no discovered plugins, one user's session.
 */
final class CannedWire implements AutoCloseable {
    private final SferumClient client;
    private final SferumSession session;

    /**
     * Builds the client.
     *
     * @param transport answers every request
     */
    CannedWire(Transport transport) {
        client = SferumClient.builder().endpoints(Endpoints.production()).transport(transport)
                .discoverPlugins(false).build();
        session = client.session(AccessToken.of("vk1.a.benchmark-token"));
    }

    /** Returns the user's session. */
    SferumSession session() {
        return session;
    }

    /** Closes the client. */
    @Override
    public void close() {
        client.close();
    }
}
