package org.sferum.sdk.spi;

/** A request about to be sent, as a {@link RequestInterceptor} sees it. Parameters are not exposed. */
public interface OutgoingRequest {
    /**
     * Returns the operation, such as {@code messages.send}.
     *
     * @return the operation name
     */
    String operation();

    /**
     * Returns the attempt number, 1 for the first try.
     *
     * @return the attempt
     */
    int attempt();

    /**
     * Returns the SDK's id of this request, also carried by exceptions.
     *
     * @return the request id
     */
    String requestId();

    /**
     * Adds a header to the request (tracing, metrics). Authorization headers cannot be set this way.
     *
     * @param name the header name
     * @param value the header value
     */
    void header(String name, String value);
}
