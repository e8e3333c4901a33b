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
    /** A phone number is not a mobile number the platform accepts (F-LINK-10). */
    INVALID_PHONE(ErrorCategory.VALIDATION, false),
    /** Unlinking needs the user's explicit confirmation (F-LINK-07). */
    CONFIRMATION_REQUIRED(ErrorCategory.VALIDATION, false),
    /** Personal data entered while linking is missing or malformed (F-LINK-04). */
    INVALID_PERSONAL_DATA(ErrorCategory.VALIDATION, false),
    /** The roster is wrong: a duplicate id, an unknown reference, a role that does not fit (F-EMB-01). */
    INVALID_ROSTER(ErrorCategory.VALIDATION, false),

    /** The access token is missing, malformed, unknown or revoked. */
    AUTHENTICATION_FAILED(ErrorCategory.AUTHENTICATION, false),
    /** The access token has expired; refresh it. */
    TOKEN_EXPIRED(ErrorCategory.AUTHENTICATION, false),
    /** The link to VK ID must be made again: the refresh token was revoked or expired. */
    RELINK_REQUIRED(ErrorCategory.AUTHENTICATION, false),
    /** The VK ID password is wrong (F-LINK-02, F-LINK-03). */
    WRONG_PASSWORD(ErrorCategory.AUTHENTICATION, false),
    /** The SMS code is wrong. */
    WRONG_SMS_CODE(ErrorCategory.AUTHENTICATION, false),
    /** The SMS code has expired; ask for a new one. */
    SMS_CODE_EXPIRED(ErrorCategory.AUTHENTICATION, false),
    /** The user declined or cancelled the authorization at VK ID. */
    ACCESS_DENIED(ErrorCategory.AUTHENTICATION, false),
    /** The callback's {@code state} matches no linking started here (or it was already used, or is too old). */
    STATE_MISMATCH(ErrorCategory.AUTHENTICATION, false),
    /** The authorization code is unknown, already used or expired. */
    AUTHORIZATION_CODE_INVALID(ErrorCategory.AUTHENTICATION, false),
    /** The PKCE code verifier does not match the code challenge of the authorization. */
    PKCE_MISMATCH(ErrorCategory.AUTHENTICATION, false),
    /** The redirect URI differs from the one the authorization was started with. */
    REDIRECT_URI_MISMATCH(ErrorCategory.AUTHENTICATION, false),
    /** The ID token's signature does not verify against the provider's keys. */
    ID_TOKEN_SIGNATURE_INVALID(ErrorCategory.AUTHENTICATION, false),
    /** The ID token uses an algorithm that is not accepted ({@code none}, or HMAC where RSA is expected). */
    ID_TOKEN_ALGORITHM_NOT_ALLOWED(ErrorCategory.AUTHENTICATION, false),
    /** The ID token has expired. */
    ID_TOKEN_EXPIRED(ErrorCategory.AUTHENTICATION, false),
    /** The ID token was issued by someone other than the configured VK ID. */
    ID_TOKEN_ISSUER_MISMATCH(ErrorCategory.AUTHENTICATION, false),
    /** The ID token was issued for another application. */
    ID_TOKEN_AUDIENCE_MISMATCH(ErrorCategory.AUTHENTICATION, false),
    /** The ID token's nonce is not the one this linking sent. */
    NONCE_MISMATCH(ErrorCategory.AUTHENTICATION, false),
    /** The ID token is malformed or misses a required claim. */
    ID_TOKEN_INVALID(ErrorCategory.AUTHENTICATION, false),

    /** The caller is not a member of the chat (or was removed from it). */
    NOT_A_CHAT_MEMBER(ErrorCategory.PERMISSION, false),
    /** The chat settings do not allow the caller this action. */
    NOT_ALLOWED_IN_CHAT(ErrorCategory.PERMISSION, false),
    /** The action is not permitted for the caller for another reason. */
    PERMISSION_DENIED(ErrorCategory.PERMISSION, false),
    /** Only the author or a chat administrator may delete a message for everyone, and only for a while. */
    CANNOT_DELETE_FOR_EVERYONE(ErrorCategory.PERMISSION, false),
    /** Only administrators may write in this chat (a school-wide announcement chat, F-CHAT-12). */
    WRITING_DISABLED(ErrorCategory.PERMISSION, false),
    /** The other user is not among the caller's contacts, so a one-to-one chat cannot be opened (F-ACC-01). */
    NOT_A_CONTACT(ErrorCategory.PERMISSION, false),
    /** The caller is not invited to the call: not a member of its chat, nor invited, nor holding its link. */
    NOT_INVITED_TO_CALL(ErrorCategory.PERMISSION, false),
    /** The call does not let anonymous (unregistered) participants in (F-CALL-07); the default. */
    ANONYMOUS_NOT_ALLOWED(ErrorCategory.PERMISSION, false),
    /** The caller waits in the call's waiting room: the organiser has not admitted them yet (F-CALL-07). */
    WAITING_FOR_ADMISSION(ErrorCategory.PERMISSION, false),
    /** The organiser removed the caller from the call; only being readmitted lets them back (F-CALL-09). */
    REMOVED_FROM_CALL(ErrorCategory.PERMISSION, false),
    /** Only the call's organiser or the admins they appointed may do this (F-CALL-04, F-CALL-09). */
    CALL_ADMIN_REQUIRED(ErrorCategory.PERMISSION, false),
    /** Only users with an educational profile may watch a recording (F-CALL-10). */
    EDUCATIONAL_PROFILE_REQUIRED(ErrorCategory.PERMISSION, false),
    /** The recording's audience does not include the caller (F-CALL-10). */
    RECORDING_NOT_VISIBLE(ErrorCategory.PERMISSION, false),

    /** No chat with that id exists. */
    CHAT_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
    /** No message with that id exists in the chat. */
    MESSAGE_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
    /** No user with that id exists. */
    USER_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
    /** The invite link is unknown or was reset (F-CHAT-10). */
    INVITE_LINK_INVALID(ErrorCategory.NOT_FOUND, false),
    /** Something else that was named does not exist. */
    NOT_FOUND(ErrorCategory.NOT_FOUND, false),
    /** The school account is not linked to a VK ID educational profile. */
    NOT_LINKED(ErrorCategory.NOT_FOUND, false),
    /** No call with that id or join link exists. */
    CALL_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
    /** No participant with that id is in the call (or in its waiting room). */
    PARTICIPANT_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
    /** No recording with that id exists. */
    RECORDING_NOT_FOUND(ErrorCategory.NOT_FOUND, false),

    /** The request conflicts with the current state. */
    CONFLICT(ErrorCategory.CONFLICT, false),
    /** A platform limit was reached (for example the number of pinned chats). */
    LIMIT_REACHED(ErrorCategory.CONFLICT, false),
    /** The message can no longer be edited: the edit window has passed. */
    EDIT_WINDOW_EXPIRED(ErrorCategory.CONFLICT, false),
    /** A message of a phantom chat disappears, so it cannot be pinned (F-CHAT-11). */
    CANNOT_PIN_EXPIRING_MESSAGE(ErrorCategory.CONFLICT, false),
    /** The school account is already linked; unlink it first. */
    ACCOUNT_ALREADY_LINKED(ErrorCategory.CONFLICT, false),
    /** The educational profile is already linked to another account of this school system. */
    PROFILE_ALREADY_LINKED(ErrorCategory.CONFLICT, false),
    /** The call has not started yet: its join link works from its start time (F-SECT-02, F-SECT-04). */
    CALL_NOT_STARTED(ErrorCategory.CONFLICT, false),
    /** The call has ended for everyone (F-CALL-04). */
    CALL_ENDED(ErrorCategory.CONFLICT, false),
    /** The caller is not in the call: join it first (or it left, or was removed). */
    NOT_IN_CALL(ErrorCategory.CONFLICT, false),
    /** A recording (or a broadcast) of the call is already running, or none is running to stop (F-CALL-06). */
    RECORDING_STATE_CONFLICT(ErrorCategory.CONFLICT, false),

    /** Too many requests in a short time. */
    RATE_LIMITED(ErrorCategory.RATE_LIMIT, true),
    /** Too many wrong passwords or codes: the phone is locked for a while (see {@code RateLimitException.retryAfter}). */
    TOO_MANY_ATTEMPTS(ErrorCategory.RATE_LIMIT, false),

    /** The service failed internally. */
    SERVICE_UNAVAILABLE(ErrorCategory.SERVICE, true),
    /** The network failed or timed out before an answer arrived. */
    TRANSPORT_FAILURE(ErrorCategory.SERVICE, true),
    /** The service answered with something this SDK cannot read. */
    MALFORMED_RESPONSE(ErrorCategory.SERVICE, false),
    /** The service reported an error this SDK does not know. */
    UNKNOWN(ErrorCategory.SERVICE, false),

    /**
     * The configured backend does not offer the capability the operation needs; nothing was sent
     * ({@link UnsupportedCapabilityException}).
     */
    UNSUPPORTED_CAPABILITY(ErrorCategory.UNSUPPORTED, false),
    /**
     * An optional library the operation needs is not on the class path (a client's QR codes need ZXing, its ID
     * token checks Nimbus JOSE + JWT); nothing was sent. The message names the Maven artifact to add.
     */
    MISSING_LIBRARY(ErrorCategory.UNSUPPORTED, false),
    /**
     * A call that changes something may or may not have taken effect: an attempt reached the service but no
     * answer could be read, and the retries did not settle it. Thrown as {@link OutcomeUnknownException}, which
     * says what to check; never retry such a call blindly unless it is idempotent (a send with the same random id).
     */
    OUTCOME_UNKNOWN(ErrorCategory.SERVICE, false);

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
