package org.sferum.sdk.error;

/**
 * Thrown when the credentials are missing, invalid, revoked or expired.
 */
public class AuthenticationException extends SferumException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code the stable code
     * @param message what was wrong and what to do
     * @param wireCode the error code the service sent, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param cause the cause, or {@code null}
     */
    public AuthenticationException(ErrorCode code, String message, Integer wireCode, String requestId, Throwable cause) {
        super(code, message, wireCode, requestId, cause);
    }

    /**
     * Creates the exception without wire details.
     *
     * @param code the stable code
     * @param message what was wrong and what to do
     */
    public AuthenticationException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }
}
