package org.sferum.sdk.error;

/**
 * Stable, documented error codes. The {@link #name() name} of a constant never changes once released, so it is
 * safe to store, log and switch on. New constants may be added in minor versions; treat an unknown code by its
 * {@link #category() category}.
 */
public enum ErrorCode {
    /** A parameter is missing or malformed. */
    INVALID_ARGUMENT(ErrorCategory.VALIDATION, false),
    /** A message has neither text nor attachments. */
    MESSAGE_EMPTY(ErrorCategory.VALIDATION, false),
    /** A message text is longer than {@link org.sferum.sdk.messages.Draft#MAX_TEXT_LENGTH} characters. */
    MESSAGE_TOO_LONG(ErrorCategory.VALIDATION, false),
    /** A chat title is blank or too long. */
    INVALID_CHAT_TITLE(ErrorCategory.VALIDATION, false),
    /** A page size or cursor is out of range or was not produced by this SDK. */
    INVALID_PAGE_REQUEST(ErrorCategory.VALIDATION, false),

    /** The access token is missing, malformed, unknown or revoked. */
    AUTHENTICATION_FAILED(ErrorCategory.AUTHENTICATION, false),
    /** The access token has expired; refresh it. */
    TOKEN_EXPIRED(ErrorCategory.AUTHENTICATION, false),
    /** The link to VK ID must be made again: the refresh token was revoked or expired. */
    RELINK_REQUIRED(ErrorCategory.AUTHENTICATION, false),

    /** The caller is not a member of the chat (or was removed from it). */
    NOT_A_CHAT_MEMBER(ErrorCategory.PERMISSION, false),
    /** The chat settings do not allow the caller this action. */
    NOT_ALLOWED_IN_CHAT(ErrorCategory.PERMISSION, false),
    /** The action is not permitted for the caller for another reason. */
    PERMISSION_DENIED(ErrorCategory.PERMISSION, false),

    /** No chat with that id exists. */
    CHAT_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
    /** No message with that id exists in the chat. */
    MESSAGE_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
    /** No user with that id exists. */
    USER_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
    /** Something else that was named does not exist. */
    NOT_FOUND(ErrorCategory.NOT_FOUND, false),

    /** The request conflicts with the current state. */
    CONFLICT(ErrorCategory.CONFLICT, false),
    /** A platform limit was reached (for example the number of pinned chats). */
    LIMIT_REACHED(ErrorCategory.CONFLICT, false),
    /** The message can no longer be edited: the edit window has passed. */
    EDIT_WINDOW_EXPIRED(ErrorCategory.CONFLICT, false),

    /** Too many requests in a short time. */
    RATE_LIMITED(ErrorCategory.RATE_LIMIT, true),

    /** The service failed internally. */
    SERVICE_UNAVAILABLE(ErrorCategory.SERVICE, true),
    /** The network failed or timed out before an answer arrived. */
    TRANSPORT_FAILURE(ErrorCategory.SERVICE, true),
    /** The service answered with something this SDK cannot read. */
    MALFORMED_RESPONSE(ErrorCategory.SERVICE, false),
    /** The service reported an error this SDK does not know. */
    UNKNOWN(ErrorCategory.SERVICE, false);

    private final ErrorCategory category;
    private final boolean retryable;

    ErrorCode(ErrorCategory category, boolean retryable) {
        this.category = category;
        this.retryable = retryable;
    }

    /**
     * Returns the kind of failure this code belongs to.
     *
     * @return the category, never {@code null}
     */
    public ErrorCategory category() {
        return category;
    }

    /**
     * Tells whether repeating the same request later may succeed.
     *
     * @return {@code true} for transient failures
     */
    public boolean retryable() {
        return retryable;
    }
}
