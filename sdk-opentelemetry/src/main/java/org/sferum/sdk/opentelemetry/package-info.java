/**
 * OpenTelemetry spans and counters for what the real client does: {@link
 * org.sferum.sdk.opentelemetry.OpenTelemetrySferumMetrics}, a {@link org.sferum.sdk.spi.SferumMetrics} found through
 * {@link java.util.ServiceLoader} or set on the client's builder.
 */
package org.sferum.sdk.opentelemetry;
