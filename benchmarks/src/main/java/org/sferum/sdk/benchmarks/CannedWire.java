package org.sferum.sdk.benchmarks;

import java.net.URI;
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
        // The emulator's endpoints: the calls benchmark's methods are the partner contract's (docs/backends.md),
        // which Endpoints.vk() refuses before sending; the canned transport stands in for the emulator.
        client = SferumClient.builder().endpoints(Endpoints.emulator(URI.create("http://127.0.0.1:9")))
                .transport(transport)
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
