package org.sferum.sdk.testkit.engine.vkid;

import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;

/**
 * The exact cause of a refusal of {@code /authorize} or of the {@code /oauth2/*} endpoints, as the wire names it
 * (docs/wire/vk-id.md): the OAuth {@link #error() error}, the emulator's {@link #reason() error_reason} extension
 * and the {@link ErrorCode} of the {@link SferumException} the engine throws. Find it on a refusal with
 * {@link #of(Throwable)}.
 */
public enum GrantError {
    /** A required parameter is missing. */
    MISSING_PARAMETER("invalid_request", "missing_parameter", ErrorCode.INVALID_ARGUMENT),
    /** A parameter is malformed (a code challenge that is not base64url SHA-256, a method other than S256). */
    INVALID_PARAMETER("invalid_request", "invalid_parameter", ErrorCode.INVALID_ARGUMENT),
    /**
     * A parameter of {@code /authorize} is longer than VK ID's limit ({@code state}, {@code nonce}, {@code scope});
     * shown as a page, since redirecting would echo the oversized {@code state} back.
     */
    PARAMETER_TOO_LONG("invalid_request", "parameter_too_long", ErrorCode.INVALID_ARGUMENT),
    /** The client id is not registered; {@code /authorize} shows a page and never redirects. */
    UNKNOWN_CLIENT("invalid_client", "unknown_client", ErrorCode.INVALID_ARGUMENT),
    /** The redirect URI is not registered for the client; {@code /authorize} shows a page and never redirects. */
    REDIRECT_URI_NOT_REGISTERED("invalid_request", "redirect_uri_not_registered", ErrorCode.INVALID_ARGUMENT),
    /** No such authorization code. */
    CODE_UNKNOWN("invalid_grant", "code_unknown", ErrorCode.AUTHORIZATION_CODE_INVALID),
    /** The authorization code was already exchanged (the tokens it gave are revoked). */
    CODE_USED("invalid_grant", "code_used", ErrorCode.AUTHORIZATION_CODE_INVALID),
    /** The authorization code is older than its 600 seconds. */
    CODE_EXPIRED("invalid_grant", "code_expired", ErrorCode.AUTHORIZATION_CODE_INVALID),
    /** The authorization code was issued to another client. */
    CLIENT_MISMATCH("invalid_grant", "client_id_mismatch", ErrorCode.AUTHORIZATION_CODE_INVALID),
    /** The PKCE verifier does not match the challenge. */
    CODE_VERIFIER_MISMATCH("invalid_grant", "code_verifier_mismatch", ErrorCode.PKCE_MISMATCH),
    /** The redirect URI differs from the authorization's. */
    REDIRECT_URI_MISMATCH("invalid_grant", "redirect_uri_mismatch", ErrorCode.REDIRECT_URI_MISMATCH),
    /** The device id differs from the one of the redirect. */
    DEVICE_ID_MISMATCH("invalid_grant", "device_id_mismatch", ErrorCode.AUTHORIZATION_CODE_INVALID),
    /** The refresh token was revoked, or replaced by a newer one on a refresh. */
    REFRESH_TOKEN_REVOKED("invalid_grant", "refresh_token_revoked", ErrorCode.RELINK_REQUIRED),
    /** The refresh token is older than its 60 days. */
    REFRESH_TOKEN_EXPIRED("invalid_grant", "refresh_token_expired", ErrorCode.RELINK_REQUIRED),
    /** No such refresh token for this client and device. */
    REFRESH_TOKEN_UNKNOWN("invalid_grant", "refresh_token_unknown", ErrorCode.RELINK_REQUIRED),
    /** The access token is unknown, ended or revoked ({@code user_info}, {@code logout}, {@code revoke}). */
    INVALID_TOKEN("invalid_token", "token_invalid", ErrorCode.AUTHENTICATION_FAILED),
    /** The access token has expired ({@code user_info}). */
    TOKEN_EXPIRED("invalid_token", "token_expired", ErrorCode.TOKEN_EXPIRED);

    private final String error;
    private final String reason;
    private final ErrorCode code;

    GrantError(String error, String reason, ErrorCode code) {
        this.error = error;
        this.reason = reason;
        this.code = code;
    }

    /**
     * Returns the OAuth {@code error}.
     *
     * @return such as {@code invalid_grant}
     */
    public String error() {
        return error;
    }

    /**
     * Returns the emulator's {@code error_reason}.
     *
     * @return such as {@code code_used}
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the code of the exception the engine throws.
     *
     * @return the code
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * Tells whether {@code /authorize} answers this refusal with an error page instead of redirecting back.
     *
     * @return {@code true} for an unknown client, an unregistered redirect URI or an oversized parameter
     */
    public boolean shownAsPage() {
        return this == UNKNOWN_CLIENT || this == REDIRECT_URI_NOT_REGISTERED || this == PARAMETER_TOO_LONG;
    }

    /**
     * Finds the exact cause of a refusal the VK ID engine threw.
     *
     * @param failure the exception
     * @return the cause, when the failure is a refusal of {@code /authorize} or of the token endpoints
     */
    public static Optional<GrantError> of(Throwable failure) {
        return failure != null && failure.getCause() instanceof Marker
                ? Optional.of(((Marker) failure.getCause()).error) : Optional.empty();
    }

    /**
     * Builds the refusal: the {@link SferumException} subclass of the code, carrying this cause.
     *
     * @param message what was wrong and what to do, without secrets
     * @return the exception to throw
     */
    SferumException refuse(String message) {
        return SferumException.of(code, message, null, null, new Marker(this));
    }

    /** Carries the cause inside a refusal; no stack trace, no secrets. */
    private static final class Marker extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final GrantError error;

        Marker(GrantError error) {
            super("error_reason=" + error.reason, null, false, false);
            this.error = error;
        }
    }
}
