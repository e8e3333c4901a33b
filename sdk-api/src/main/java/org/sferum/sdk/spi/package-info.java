/**
 * Service provider interfaces: stores, event listeners, request interceptors and metrics. Implementations are found with
 * {@link java.util.ServiceLoader} (declare them with {@code provides} in {@code module-info.java} or in
 * {@code META-INF/services}) or set on a client's builder.
 */
package org.sferum.sdk.spi;
