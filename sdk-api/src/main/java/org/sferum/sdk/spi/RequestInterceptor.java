package org.sferum.sdk.spi;

/**
 * Observes and decorates every request the real client sends: headers, metrics, tracing (F-EMB-03). Found with
 * {@link java.util.ServiceLoader} or set on the client's builder. Called once per attempt.
 */
public interface RequestInterceptor {
    /**
     * Called before an attempt is sent.
     *
     * @param request the request
     */
    default void beforeSend(OutgoingRequest request) {
    }

    /**
     * Called after an attempt finished.
     *
     * @param request what happened
     */
    default void afterComplete(CompletedRequest request) {
    }
}
