package org.sferum.sdk.transport.apache;

import java.time.Duration;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportProvider;

/**
 * Makes an {@link ApacheHttpTransport} for a client built without a transport of its own, when plugin discovery is
 * on: putting {@code org.sferum:sferum-transport-apache} on the class path is all it takes.
 */
public final class ApacheTransportProvider implements TransportProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls it. */
    public ApacheTransportProvider() {
    }

    @Override
    public Transport create(Duration connectTimeout) {
        return new ApacheHttpTransport(connectTimeout);
    }
}
