package org.sferum.sdk.emulator;

import java.util.Optional;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.testkit.engine.vkid.GrantError;

/**
 * Turns the engine's VK ID refusals into OAuth errors ({@code docs/wire/vk-id.md}, the {@code error} /
 * {@code error_reason} table). The engine names the exact cause of each refusal ({@link GrantError}); a refusal
 * without one falls back on its {@code ErrorCode}'s category.
 */
final class OAuthRefusals {
    private OAuthRefusals() {
    }

    /**
     * Tells whether {@code GET /authorize} answers a refusal by redirecting back with {@code invalid_request}:
     * every refusal except an unknown client or an unregistered redirect URI, which show a page (OAuth rule).
     *
     * @param e the engine's refusal
     * @return whether to redirect
     */
    static boolean authorizeRedirects(SferumException e) {
        return GrantError.of(e).map(cause -> !cause.shownAsPage()).orElse(false);
    }

    /**
     * The error of the token endpoint for a refusal of a grant.
     *
     * @param e the engine's refusal
     * @return the failure to answer
     */
    static OAuthFailure ofGrant(SferumException e) {
        Optional<GrantError> cause = GrantError.of(e);
        if (cause.isPresent()) {
            return new OAuthFailure(cause.get().error(), cause.get().reason(), e.getMessage());
        }
        switch (e.code()) {
            case AUTHORIZATION_CODE_INVALID:
            case PKCE_MISMATCH:
            case REDIRECT_URI_MISMATCH:
            case RELINK_REQUIRED:
                return new OAuthFailure("invalid_grant", null, e.getMessage());
            default:
                return fallback(e);
        }
    }

    /**
     * The error of {@code user_info}, {@code logout} and {@code revoke} for a refusal of an access token.
     *
     * @param e the engine's refusal
     * @return the failure to answer
     */
    static OAuthFailure ofToken(SferumException e) {
        Optional<GrantError> cause = GrantError.of(e);
        if (cause.isPresent()) {
            return new OAuthFailure(cause.get().error(), cause.get().reason(), e.getMessage());
        }
        switch (e.code()) {
            case AUTHENTICATION_FAILED:
            case TOKEN_EXPIRED:
            case RELINK_REQUIRED:
                return new OAuthFailure("invalid_token", null, e.getMessage());
            default:
                return fallback(e);
        }
    }

    private static OAuthFailure fallback(SferumException e) {
        switch (e.category()) {
            case RATE_LIMIT:
            case SERVICE:
                return new OAuthFailure("temporarily_unavailable", null, e.getMessage());
            case AUTHENTICATION:
                return new OAuthFailure("invalid_grant", null, e.getMessage());
            default:
                return new OAuthFailure("invalid_request", null, e.getMessage());
        }
    }
}
