/**
 * An optional {@link org.sferum.sdk.core.transport.Transport} for sdk-core on Apache HttpClient 5 (classic, blocking
 * API), found with {@link java.util.ServiceLoader} through sdk-core's
 * {@link org.sferum.sdk.core.transport.TransportProvider} when it is on the class or module path.
 */
module org.sferum.sdk.transport.apache {
    requires transitive org.sferum.sdk.core;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;

    exports org.sferum.sdk.transport.apache;

    provides org.sferum.sdk.core.transport.TransportProvider
            with org.sferum.sdk.transport.apache.ApacheTransportProvider;
}
