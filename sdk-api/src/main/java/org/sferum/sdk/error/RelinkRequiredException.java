package org.sferum.sdk.error;

/**
 * Thrown when a school account's link to VK ID can no longer be used (its refresh token was revoked or has
 * expired). The user has to link again; see {@code Links.start}.
 */
public class RelinkRequiredException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param wireCode the wire error code, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param cause the cause, or {@code null}
     */
    public RelinkRequiredException(String message, Integer wireCode, String requestId, Throwable cause) {
        super(ErrorCode.RELINK_REQUIRED, message, wireCode, requestId, cause);
    }
}
