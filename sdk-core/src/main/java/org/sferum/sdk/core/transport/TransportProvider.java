package org.sferum.sdk.core.transport;

import java.time.Duration;

/**
 * Makes the client's {@link Transport} when none is set on the builder: a transport plugin (such as
 * {@code org.sferum:sferum-transport-apache}) declares one as a service ({@code provides} in its
 * {@code module-info.java}, or {@code META-INF/services/org.sferum.sdk.core.transport.TransportProvider}), and
 * {@code SferumClient.Builder.build()} finds it with {@link java.util.ServiceLoader} when plugin discovery is on.
 * Without one, the client uses {@link JdkHttpTransport}; two declared at once make {@code build()} throw, naming
 * both. Implementations need a public no-argument constructor.
 */
public interface TransportProvider {

    /**
     * Makes a transport; the client closes it when it closes.
     *
     * @param connectTimeout how long opening a connection may take (the builder's {@code connectTimeout})
     * @return a new transport
     */
    Transport create(Duration connectTimeout);
}
