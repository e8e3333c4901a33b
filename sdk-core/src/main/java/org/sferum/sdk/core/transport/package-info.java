/**
 * The HTTP seam of the client: {@link org.sferum.sdk.core.transport.Transport} sends one request and returns one
 * response. {@link org.sferum.sdk.core.transport.JdkHttpTransport} is the default; embedders plug in another HTTP
 * client here, and tests inject answers and faults.
 */
package org.sferum.sdk.core.transport;
