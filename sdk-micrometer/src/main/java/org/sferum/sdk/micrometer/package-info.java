/**
 * Micrometer meters for what the real client does: {@link org.sferum.sdk.micrometer.MicrometerSferumMetrics}, a
 * {@link org.sferum.sdk.spi.SferumMetrics} found through {@link java.util.ServiceLoader} or set on the client's
 * builder.
 */
package org.sferum.sdk.micrometer;
