package org.sferum.sdk.error;

/**
 * The broad kind of a failure. Each category has one exception class, so callers can catch by kind
 * and still read the precise {@link ErrorCode}.
 */
public enum ErrorCategory {
    /** The input was wrong; fix it before trying again. See {@link ValidationException}. */
    VALIDATION,
    /** The caller is not who they claim, or their credentials expired. See {@link AuthenticationException}. */
    AUTHENTICATION,
    /** The caller is known but not allowed to do this. See {@link PermissionDeniedException}. */
    PERMISSION,
    /** The thing named does not exist or is not visible to the caller. See {@link NotFoundException}. */
    NOT_FOUND,
    /** The request clashes with the current state (a limit, an existing link). See {@link ConflictException}. */
    CONFLICT,
    /** Too many requests; wait and try again. See {@link RateLimitException}. */
    RATE_LIMIT,
    /** The service or the network failed; usually worth retrying. See {@link ServiceException}. */
    SERVICE,
    /**
     * The configured backend cannot do this at all; no retry helps. Hide the feature, or configure a backend
     * that offers it. See {@link UnsupportedCapabilityException}.
     */
    UNSUPPORTED
}
