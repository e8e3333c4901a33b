/**
 * sdk-core's transport on Apache HttpClient 5: {@link org.sferum.sdk.transport.apache.ApacheHttpTransport} and the
 * {@link org.sferum.sdk.transport.apache.ApacheTransportProvider} that lets {@code SferumClient.builder()} find it.
 */
package org.sferum.sdk.transport.apache;
