/**
 * The {@link org.sferum.sdk.spi.SferumMetrics} plugin for OpenTelemetry: {@link
 * org.sferum.sdk.opentelemetry.OpenTelemetrySferumMetrics}.
 */
module org.sferum.sdk.opentelemetry {
    requires transitive org.sferum.sdk.api;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports org.sferum.sdk.opentelemetry;

    provides org.sferum.sdk.spi.SferumMetrics with org.sferum.sdk.opentelemetry.OpenTelemetrySferumMetrics;
}
