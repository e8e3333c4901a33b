package org.sferum.sdk.core;

import java.util.concurrent.atomic.AtomicInteger;
import org.sferum.sdk.spi.OutgoingRequest;
import org.sferum.sdk.spi.RequestInterceptor;

/** A plugin registered in {@code META-INF/services} of the test class path (F-EMB-03). */
public final class DiscoveredInterceptor implements RequestInterceptor {
    /** How many attempts any instance has seen. */
    public static final AtomicInteger SEEN = new AtomicInteger();

    /** Creates the plugin, as ServiceLoader does. */
    public DiscoveredInterceptor() {
    }

    @Override
    public void beforeSend(OutgoingRequest request) {
        SEEN.incrementAndGet();
        request.header("X-Plugin", "discovered");
    }
}
