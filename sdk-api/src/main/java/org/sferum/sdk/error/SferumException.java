package org.sferum.sdk.error;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every exception the SDK throws. Unchecked, with a stable {@link #code() code}, a
 * {@link #isRetryable() retryable} flag and, when the failure came over the wire, the wire error code and the
 * request id. Messages say what was wrong and what to do; they never contain tokens, phone numbers or codes.
 *
 * <p>Use {@link #of(ErrorCode, String)} to build the subclass that matches a code.
 */
public class SferumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The stable code. */
    private final ErrorCode code;
    /** The error code the service sent, or {@code null}. */
    private final Integer wireCode;
    /** The request id, or {@code null}. */
    private final String requestId;

    /**
     * Creates an exception.
     *
     * @param code the stable code
     * @param message what was wrong and what to do
     * @param wireCode the error code the service sent, or {@code null}
     * @param requestId the request id the service or the client assigned, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public SferumException(ErrorCode code, String message, Integer wireCode, String requestId, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.wireCode = wireCode;
        this.requestId = requestId;
    }

    /**
     * Creates the exception class that matches the code's category.
     *
     * @param code the stable code
     * @param message what was wrong and what to do
     * @return a new exception of the matching subclass
     */
    public static SferumException of(ErrorCode code, String message) {
        return of(code, message, null, null, null);
    }

    /**
     * Creates the exception class that matches the code's category, with wire details.
     *
     * @param code the stable code
     * @param message what was wrong and what to do
     * @param wireCode the error code the service sent, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param cause the cause, or {@code null}
     * @return a new exception of the matching subclass
     */
    public static SferumException of(ErrorCode code, String message, Integer wireCode, String requestId,
                                     Throwable cause) {
        switch (code.category()) {
            case VALIDATION:
                return new ValidationException(code, message, wireCode, requestId, cause);
            case AUTHENTICATION:
                return code == ErrorCode.RELINK_REQUIRED
                        ? new RelinkRequiredException(message, wireCode, requestId, cause)
                        : new AuthenticationException(code, message, wireCode, requestId, cause);
            case PERMISSION:
                return new PermissionDeniedException(code, message, wireCode, requestId, cause);
            case NOT_FOUND:
                return new NotFoundException(code, message, wireCode, requestId, cause);
            case CONFLICT:
                return new ConflictException(code, message, wireCode, requestId, cause);
            case RATE_LIMIT:
                return new RateLimitException(code, message, null, wireCode, requestId, cause);
            case UNSUPPORTED:
                // The capability and backend are not known here; the guards throw UnsupportedCapabilityException.
                return new SferumException(code, message, wireCode, requestId, cause);
            case SERVICE:
            default:
                if (code == ErrorCode.OUTCOME_UNKNOWN) {
                    return new OutcomeUnknownException(message, OutcomeUnknownException.Subject.NONE, wireCode,
                            requestId, cause);
                }
                return new ServiceException(code, message, wireCode, requestId, cause);
        }
    }

    /**
     * Returns the stable code.
     *
     * @return the code
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * Returns the category of the code.
     *
     * @return the category
     */
    public ErrorCategory category() {
        return code.category();
    }

    /**
     * Tells whether repeating the request later may succeed.
     *
     * @return whether the failure is transient
     */
    public boolean isRetryable() {
        return code.retryable();
    }

    /**
     * Returns the error code the service sent (a VK API {@code error_code}, for example), if any.
     *
     * @return the wire code
     */
    public OptionalInt wireCode() {
        return wireCode == null ? OptionalInt.empty() : OptionalInt.of(wireCode);
    }

    /**
     * Returns the id of the failed request, for support tickets and log correlation.
     *
     * @return the request id, if known
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
