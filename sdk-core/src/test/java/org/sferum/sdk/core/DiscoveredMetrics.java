package org.sferum.sdk.core;

/** A metrics plugin registered in {@code META-INF/services} of the test class path (F-EMB-03). */
public final class DiscoveredMetrics extends RecordingMetrics {
    /** Creates the plugin, as ServiceLoader does. */
    public DiscoveredMetrics() {
    }
}
