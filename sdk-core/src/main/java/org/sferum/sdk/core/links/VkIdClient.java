package org.sferum.sdk.core.links;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sferum.sdk.core.links.OAuthErrors.Request;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.users.AccessToken;

/**
 * The VK ID endpoints sdk-core uses ({@code docs/wire/vk-id.md}): the code exchange and the refresh on
 * {@code /oauth2/auth}, {@code /oauth2/public_info}, {@code /oauth2/revoke} and a JWK set. Thread-safe.
 */
public final class VkIdClient {
    private final OAuthHttp http;
    private final LinkSettings settings;
    private final Secrets secrets;
    private final Clock clock;

    /**
     * Creates the client.
     *
     * @param http sends the requests
     * @param settings the application
     * @param secrets makes the refresh's {@code state}
     * @param clock tells when a token was issued
     */
    public VkIdClient(OAuthHttp http, LinkSettings settings, Secrets secrets, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Exchanges an authorization code ({@code grant_type=authorization_code}).
     *
     * @param code the callback's code
     * @param verifier the PKCE code verifier
     * @param deviceId the callback's device id
     * @param state the linking's state, which the answer must echo
     * @return the tokens, with an ID token and a refresh token
     */
    public TokenGrant exchangeCode(String code, String verifier, String deviceId, String state) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("code_verifier", verifier);
        form.put("client_id", settings.clientId());
        form.put("device_id", deviceId);
        form.put("redirect_uri", settings.redirectUri().toString());
        form.put("state", state);
        TokenGrant grant = grant(form, Request.CODE_EXCHANGE, state);
        if (grant.refreshToken() == null || grant.userId() <= 0) {
            throw OAuthHttp.failure(ErrorCode.MALFORMED_RESPONSE, "oauth2/auth", "the answer lacks refresh_token"
                    + " or user_id", grant.requestId(), null);
        }
        if (grant.idToken() == null) {
            throw new AuthenticationException(ErrorCode.ID_TOKEN_INVALID, "oauth2/auth failed: "
                    + OAuthErrors.hint(ErrorCode.ID_TOKEN_INVALID) + " (the answer has no id_token)", null,
                    grant.requestId(), null);
        }
        return grant;
    }

    /**
     * Refreshes tokens ({@code grant_type=refresh_token}). VK ID rotates the refresh token.
     *
     * @param refreshToken the current refresh token
     * @param deviceId the device id the tokens were issued to
     * @return the new tokens; the refresh token is {@code null} when the answer kept the old one
     * @throws org.sferum.sdk.error.RelinkRequiredException when VK ID refuses the refresh token
     */
    public TokenGrant refresh(String refreshToken, String deviceId) {
        String state = secrets.next();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", settings.clientId());
        form.put("device_id", deviceId);
        form.put("state", state);
        return grant(form, Request.REFRESH, state);
    }

    /**
     * Asks VK ID whose an ID token is ({@code /oauth2/public_info}).
     *
     * @param idToken the ID token
     * @return the token's {@code user_id}
     * @throws AuthenticationException with {@code ID_TOKEN_INVALID} when VK ID refuses the token
     */
    public long publicInfoUser(String idToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("id_token", idToken);
        OAuthHttp.Reply reply = http.post("oauth2/public_info", form, Request.OTHER);
        long user = Json.longOr(reply.body().get("user"), "user_id", 0);
        if (user <= 0) {
            throw new AuthenticationException(ErrorCode.ID_TOKEN_INVALID, "oauth2/public_info failed: "
                    + OAuthErrors.hint(ErrorCode.ID_TOKEN_INVALID) + " (the answer names no user)", null,
                    reply.requestId(), null);
        }
        return user;
    }

    /**
     * Revokes an access token and every refresh token of its grant ({@code /oauth2/revoke}).
     *
     * @param token the access token
     */
    public void revoke(AccessToken token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("access_token", token.secret());
        http.post("oauth2/revoke", form, Request.OTHER);
    }

    /**
     * Fetches a JWK set.
     *
     * @param uri its address
     * @return the JSON document
     */
    public OAuthHttp.Reply jwks(URI uri) {
        return http.get("jwks", uri);
    }

    private TokenGrant grant(Map<String, String> form, Request request, String state) {
        Instant sentAt = clock.instant();
        OAuthHttp.Reply reply = http.post("oauth2/auth", form, request);
        TokenGrant grant = TokenGrant.read(reply, sentAt);
        if (!Secrets.same(state, grant.state())) {
            throw SferumException.of(ErrorCode.STATE_MISMATCH, "oauth2/auth failed: the answer does not echo the"
                    + " request's state; it is refused", null, reply.requestId(), null);
        }
        return grant;
    }
}
