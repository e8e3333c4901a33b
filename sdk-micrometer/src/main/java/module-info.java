/**
 * The {@link org.sferum.sdk.spi.SferumMetrics} plugin for Micrometer: {@link
 * org.sferum.sdk.micrometer.MicrometerSferumMetrics}.
 */
module org.sferum.sdk.micrometer {
    requires transitive org.sferum.sdk.api;
    requires transitive micrometer.core;

    exports org.sferum.sdk.micrometer;

    provides org.sferum.sdk.spi.SferumMetrics with org.sferum.sdk.micrometer.MicrometerSferumMetrics;
}
