package org.sferum.sdk.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Thrown when the service refuses a request because too many were made. {@link #retryAfter()} tells how long
 * to wait when the service said so.
 */
public class RateLimitException extends SferumException {
    private static final long serialVersionUID = 1L;

    /** How long the service asked to wait, or {@code null}. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param retryAfter how long to wait, or {@code null} when unknown
     * @param wireCode the wire error code, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param cause the cause, or {@code null}
     */
    public RateLimitException(String message, Duration retryAfter, Integer wireCode, String requestId,
                              Throwable cause) {
        this(ErrorCode.RATE_LIMITED, message, retryAfter, wireCode, requestId, cause);
    }

    /**
     * Creates the exception with a code of the rate-limit category.
     *
     * @param code {@link ErrorCode#RATE_LIMITED} or {@link ErrorCode#TOO_MANY_ATTEMPTS}
     * @param message what happened and what to do
     * @param retryAfter how long to wait, or {@code null} when unknown
     * @param wireCode the wire error code, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param cause the cause, or {@code null}
     */
    public RateLimitException(ErrorCode code, String message, Duration retryAfter, Integer wireCode,
                              String requestId, Throwable cause) {
        super(code, message, wireCode, requestId, cause);
        if (code.category() != ErrorCategory.RATE_LIMIT) {
            throw new IllegalArgumentException(code + " is not a rate-limit code");
        }
        this.retryAfter = retryAfter;
    }

    /**
     * Returns how long the service asked to wait before the next request.
     *
     * @return the wait, if the service said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
