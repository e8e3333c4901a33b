package org.sferum.sdk.core.links;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.sferum.sdk.core.wire.ErrorHints;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.Redactor;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;

/**
 * The error table of {@code docs/wire/vk-id.md}: which {@link ErrorCode} an {@code error} and its
 * {@code error_reason} mean. The reason names the exact cause and wins; the {@code error} is the fallback.
 */
public final class OAuthErrors {
    /** Which request failed: the meaning of {@code invalid_grant} depends on it. */
    public enum Request {
        /** {@code /oauth2/auth} with {@code grant_type=authorization_code}. */
        CODE_EXCHANGE,
        /** {@code /oauth2/auth} with {@code grant_type=refresh_token}. */
        REFRESH,
        /** Any other endpoint: {@code /oauth2/revoke}, {@code /oauth2/public_info}. */
        OTHER
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private OAuthErrors() {
    }

    /**
     * Maps an error answer to a code.
     *
     * @param request which request failed
     * @param error the {@code error}
     * @param reason the {@code error_reason}, or {@code null}
     * @return the code
     */
    public static ErrorCode code(Request request, String error, String reason) {
        if (request == Request.REFRESH && "invalid_grant".equals(error)) {
            return ErrorCode.RELINK_REQUIRED;
        }
        ErrorCode byReason = reason == null ? null : byReason(reason);
        if (byReason != null) {
            return byReason;
        }
        switch (error == null ? "" : error) {
            case "invalid_request":
            case "invalid_client":
            case "unauthorized_client":
            case "unsupported_grant_type":
            case "invalid_scope":
                return ErrorCode.INVALID_ARGUMENT;
            case "invalid_grant":
                return request == Request.CODE_EXCHANGE ? ErrorCode.AUTHORIZATION_CODE_INVALID : ErrorCode.UNKNOWN;
            case "invalid_token":
                return ErrorCode.AUTHENTICATION_FAILED;
            case "invalid_id_token":
                return ErrorCode.ID_TOKEN_INVALID;
            case "access_denied":
                return ErrorCode.ACCESS_DENIED;
            case "temporarily_unavailable":
            case "server_error":
                return ErrorCode.SERVICE_UNAVAILABLE;
            default:
                return ErrorCode.UNKNOWN;
        }
    }

    private static ErrorCode byReason(String reason) {
        switch (reason) {
            case "missing_parameter":
            case "unknown_client":
                return ErrorCode.INVALID_ARGUMENT;
            case "code_unknown":
            case "code_used":
            case "code_expired":
            case "device_id_mismatch":
                return ErrorCode.AUTHORIZATION_CODE_INVALID;
            case "code_verifier_mismatch":
                return ErrorCode.PKCE_MISMATCH;
            case "redirect_uri_mismatch":
                return ErrorCode.REDIRECT_URI_MISMATCH;
            case "refresh_token_revoked":
            case "refresh_token_expired":
            case "refresh_token_unknown":
                return ErrorCode.RELINK_REQUIRED;
            default:
                return null;
        }
    }

    /**
     * Builds the exception for an error answer.
     *
     * @param request which request failed
     * @param operation the endpoint, such as {@code oauth2/auth}
     * @param body the answer's JSON object with its {@code error}
     * @param requestId the request's id
     * @return the exception, to throw
     */
    public static SferumException exception(Request request, String operation, JsonNode body, String requestId) {
        String error = Json.text(body, "error", null);
        String reason = Json.text(body, "error_reason", null);
        ErrorCode code = code(request, error, reason);
        String said = Redactor.redact(Json.text(body, "error_description", ""));
        if (said.length() > 200) {
            said = said.substring(0, 200) + "…";
        }
        String message = operation + " failed: " + hint(code) + " (VK ID error " + word(error)
                + (reason == null ? "" : "/" + word(reason)) + (said.isEmpty() ? "" : ": " + said) + ")";
        return SferumException.of(code, message, null, requestId, null);
    }

    /**
     * Builds the exception for a callback that carries an {@code error} instead of a code: the user's refusal
     * ({@code access_denied}, and any error this SDK does not know) is {@code ACCESS_DENIED}; a refused request
     * ({@code invalid_request}) is {@code INVALID_ARGUMENT}.
     *
     * @param error the callback's {@code error}
     * @return the exception, to throw
     */
    public static SferumException callbackRefused(String error) {
        ErrorCode code = code(Request.OTHER, error, null);
        if (code == ErrorCode.UNKNOWN || code == ErrorCode.AUTHENTICATION_FAILED
                || code == ErrorCode.ID_TOKEN_INVALID) {
            code = ErrorCode.ACCESS_DENIED;
        }
        return SferumException.of(code, "linking failed: " + hint(code) + " (the callback carries error "
                + word(error) + ")");
    }

    /**
     * Returns what a code means and what to do, for linking codes and the others alike.
     *
     * @param code the code
     * @return one sentence without a final period
     */
    public static String hint(ErrorCode code) {
        switch (code) {
            case ACCESS_DENIED:
                return "the user cancelled or refused the authorization at VK ID";
            case STATE_MISMATCH:
                return "the callback matches no linking started here (unknown, already completed, or older than"
                        + " 10 minutes); start linking again";
            case AUTHORIZATION_CODE_INVALID:
                return "the authorization code is unknown, already used or expired; start linking again";
            case PKCE_MISMATCH:
                return "the PKCE code verifier does not match the authorization's challenge; start linking again";
            case REDIRECT_URI_MISMATCH:
                return "the redirect URI differs from the one the authorization was started with; check the"
                        + " application's redirect URI";
            case RELINK_REQUIRED:
                return "the account's link to VK ID can no longer be used (its refresh token was revoked or has"
                        + " expired); the user has to unlink and link again";
            case ID_TOKEN_INVALID:
                return "the ID token is malformed, misses a claim or does not belong to this user";
            default:
                return ErrorHints.of(code);
        }
    }

    /**
     * Returns a word that came from outside as is when it looks like an OAuth error name, else {@code "?"}.
     *
     * @param value the word, may be {@code null}
     * @return the word, safe to show
     */
    public static String word(String value) {
        return value != null && WORD.matcher(value).matches() ? value : "?";
    }
}
