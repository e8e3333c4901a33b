package org.sferum.sdk.testkit.engine.vkid;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.TokenGrant;
import org.sferum.sdk.users.UserId;

/**
 * Authorization codes: single-use, valid {@link #LIFETIME}, bound to the client, the redirect URI, the PKCE S256
 * challenge, the device id and the nonce. A replayed code is refused and revokes the tokens first issued for it
 * (OAuth 2.1). Guarded by the VK ID lock.
 */
final class AuthCodes {
    /** How long a code is valid. */
    static final Duration LIFETIME = Duration.ofSeconds(600);
    /** How long a code is remembered after it expired, to recognise a replay. */
    private static final Duration REMEMBERED = Duration.ofDays(1);
    /** RFC 7636: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final TokenGrants grants;
    private final Map<String, Issued> byCode = new HashMap<>();

    AuthCodes(TokenGrants grants) {
        this.grants = grants;
    }

    /** A code's bindings and, once exchanged, the grant it gave. */
    private static final class Issued {
        final String clientId;
        final String redirectUri;
        final String challenge;
        final String deviceId;
        final Optional<String> nonce;
        final UserId user;
        final String scope;
        final Instant expiresAt;
        TokenGrants.Grant grant;

        Issued(VkIdService.AuthorizeRequest request, String deviceId, UserId user, Instant expiresAt) {
            this.clientId = request.clientId();
            this.redirectUri = request.redirectUri();
            this.challenge = request.codeChallenge();
            this.deviceId = deviceId;
            this.nonce = request.nonce() == null ? Optional.empty() : request.nonce();
            this.user = user;
            this.scope = request.scope() == null || request.scope().isBlank() ? VkIdEngine.DEFAULT_SCOPE
                    : request.scope();
            this.expiresAt = expiresAt;
        }
    }

    /**
     * Issues a code for a confirmed login.
     *
     * @param request the authorization request
     * @param deviceId the device id of the redirect
     * @param user the educational profile
     * @param now the time
     * @return the code
     */
    String issue(VkIdService.AuthorizeRequest request, String deviceId, UserId user, Instant now) {
        byCode.values().removeIf(issued -> !now.isBefore(issued.expiresAt.plus(REMEMBERED)));
        String code = RandomSecrets.random(32);
        byCode.put(code, new Issued(request, deviceId, user, now.plus(LIFETIME)));
        return code;
    }

    /**
     * Exchanges a code for tokens. The parameters are present (checked by the caller).
     *
     * @param clientId the client
     * @param code the code
     * @param verifier the PKCE verifier
     * @param redirectUri the redirect URI
     * @param deviceId the device id
     * @param now the time
     * @return the tokens, with the ID token's claims
     */
    TokenGrant exchange(String clientId, String code, String verifier, String redirectUri, String deviceId,
                        Instant now) {
        Issued issued = byCode.get(code);
        if (issued == null) {
            throw GrantError.CODE_UNKNOWN.refuse("the authorization code is unknown; start linking again");
        }
        if (issued.grant != null) {
            grants.revoke(issued.grant);
            throw GrantError.CODE_USED.refuse("the authorization code was already used; the tokens it gave are "
                    + "revoked; start linking again");
        }
        if (!now.isBefore(issued.expiresAt)) {
            throw GrantError.CODE_EXPIRED.refuse("the authorization code is older than " + LIFETIME.getSeconds()
                    + " s; start linking again");
        }
        if (!issued.clientId.equals(clientId)) {
            throw GrantError.CLIENT_MISMATCH.refuse("the authorization code was issued to another client");
        }
        if (!issued.redirectUri.equals(redirectUri)) {
            throw GrantError.REDIRECT_URI_MISMATCH.refuse(
                    "the redirect URI differs from the one the authorization was started with");
        }
        if (!RandomSecrets.same(issued.deviceId, deviceId)) {
            throw GrantError.DEVICE_ID_MISMATCH.refuse("the device id is not the one VK ID redirected with");
        }
        if (!VERIFIER.matcher(verifier).matches() || !RandomSecrets.same(issued.challenge, RandomSecrets.sha256(verifier))) {
            throw GrantError.CODE_VERIFIER_MISMATCH.refuse(
                    "the code verifier does not match the code challenge of the authorization (PKCE S256)");
        }
        Map.Entry<TokenGrants.Grant, TokenGrant> opened =
                grants.open(clientId, deviceId, issued.user, issued.scope, issued.nonce, now);
        issued.grant = opened.getKey();
        return opened.getValue();
    }
}
