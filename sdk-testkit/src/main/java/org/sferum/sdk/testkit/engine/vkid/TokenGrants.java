package org.sferum.sdk.testkit.engine.vkid;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.IdTokenClaims;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.TokenGrant;
import org.sferum.sdk.users.UserId;

/**
 * Grants and their tokens. A grant is what one exchanged authorization code gave: its access tokens (the engine's
 * VK API tokens, valid {@link #ACCESS_LIFETIME}) and refresh tokens (valid {@link #REFRESH_LIFETIME}, rotated on
 * each refresh). A rotated refresh token presented again revokes every token of its grant (RFC 9700 §4.14.2, issue
 * 12 item 4). Guarded by the VK ID lock.
 */
final class TokenGrants {
    /** How long an access token lives (VK's documented figure). */
    static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    /** How long a refresh token lives. */
    static final Duration REFRESH_LIFETIME = Duration.ofDays(60);

    private final PlatformUsers engine;
    private final Map<String, Access> access = new HashMap<>();
    private final Map<String, Refresh> refresh = new HashMap<>();

    TokenGrants(PlatformUsers engine) {
        this.engine = engine;
    }

    /** What one exchanged authorization code gave. */
    static final class Grant {
        final String clientId;
        final String deviceId;
        final UserId user;
        final String scope;
        final List<String> accessTokens = new ArrayList<>();
        final List<String> refreshTokens = new ArrayList<>();

        Grant(String clientId, String deviceId, UserId user, String scope) {
            this.clientId = clientId;
            this.deviceId = deviceId;
            this.user = user;
            this.scope = scope;
        }

        @Override
        public String toString() {
            return "Grant[" + clientId + ", " + user + "]";
        }
    }

    private record Access(Grant grant, Instant expiresAt) {
    }

    private enum Status { LIVE, ROTATED, REVOKED }

    private static final class Refresh {
        final Grant grant;
        final Instant expiresAt;
        Status status = Status.LIVE;

        Refresh(Grant grant, Instant expiresAt) {
            this.grant = grant;
            this.expiresAt = expiresAt;
        }
    }

    /**
     * Opens a grant and issues its first tokens.
     *
     * @param clientId the client
     * @param deviceId the device
     * @param user the educational profile
     * @param scope the scope
     * @param nonce the authorization's nonce, for the ID token
     * @param now the time
     * @return the grant and the tokens
     */
    Map.Entry<Grant, TokenGrant> open(String clientId, String deviceId, UserId user, String scope,
                                      Optional<String> nonce, Instant now) {
        Grant grant = new Grant(clientId, deviceId, user, scope);
        long iat = now.getEpochSecond();
        IdTokenClaims claims = new IdTokenClaims(clientId, Long.toString(user.value()), iat,
                iat + ACCESS_LIFETIME.getSeconds(), nonce);
        return Map.entry(grant, issue(grant, Optional.of(claims), now));
    }

    private TokenGrant issue(Grant grant, Optional<IdTokenClaims> claims, Instant now) {
        String accessToken = engine.issueToken(grant.user, now.plus(ACCESS_LIFETIME));
        String refreshToken = "vk2.r." + RandomSecrets.random(32);
        access.put(accessToken, new Access(grant, now.plus(ACCESS_LIFETIME)));
        refresh.put(refreshToken, new Refresh(grant, now.plus(REFRESH_LIFETIME)));
        grant.accessTokens.add(accessToken);
        grant.refreshTokens.add(refreshToken);
        return new TokenGrant(accessToken, refreshToken, ACCESS_LIFETIME.getSeconds(), grant.user, grant.scope, claims);
    }

    TokenGrant refresh(String clientId, String refreshToken, String deviceId, Instant now) {
        Refresh entry = refresh.get(refreshToken);
        if (entry == null || !entry.grant.clientId.equals(clientId) || !entry.grant.deviceId.equals(deviceId)) {
            throw GrantError.REFRESH_TOKEN_UNKNOWN.refuse("the refresh token is unknown for this client and device; "
                    + "link the account again");
        }
        if (entry.status == Status.ROTATED) {
            // RFC 9700 §4.14.2: a rotated refresh token presented again means it leaked (or two parties share it);
            // VK ID cannot tell the thief from the user, so it ends the whole grant.
            revoke(entry.grant);
            throw GrantError.REFRESH_TOKEN_REVOKED.refuse("the refresh token was already used and replaced by a "
                    + "newer one, so every token of this grant is now revoked; link the account again");
        }
        if (entry.status != Status.LIVE) {
            throw GrantError.REFRESH_TOKEN_REVOKED.refuse("the refresh token was revoked; link the account again");
        }
        if (!now.isBefore(entry.expiresAt)) {
            throw GrantError.REFRESH_TOKEN_EXPIRED.refuse("the refresh token is older than "
                    + REFRESH_LIFETIME.toDays() + " days; link the account again");
        }
        entry.status = Status.ROTATED;
        return issue(entry.grant, Optional.empty(), now);
    }

    /**
     * Revokes every token of a grant.
     *
     * @param grant the grant
     */
    void revoke(Grant grant) {
        for (String token : grant.accessTokens) {
            access.remove(token);
            engine.revokeToken(token);
        }
        grant.accessTokens.clear();
        for (String token : grant.refreshTokens) {
            Refresh entry = refresh.get(token);
            if (entry != null) {
                entry.status = Status.REVOKED;
            }
        }
    }

    /**
     * Revokes the grant of an access token, expired or not.
     *
     * @param accessToken the access token
     */
    void revoke(String accessToken) {
        revoke(known(accessToken).grant);
    }

    /**
     * Ends an access token, expired or not.
     *
     * @param accessToken the access token
     */
    void logout(String accessToken) {
        Access entry = known(accessToken);
        access.remove(accessToken);
        entry.grant.accessTokens.remove(accessToken);
        engine.revokeToken(accessToken);
    }

    /**
     * Returns the educational profile a live access token acts for.
     *
     * @param accessToken the access token
     * @param now the time
     * @return the profile's user
     */
    UserId user(String accessToken, Instant now) {
        Access entry = known(accessToken);
        if (!now.isBefore(entry.expiresAt)) {
            throw GrantError.TOKEN_EXPIRED.refuse("the access token has expired; refresh it");
        }
        return entry.grant.user;
    }

    private Access known(String accessToken) {
        Access entry = accessToken == null ? null : access.get(accessToken);
        if (entry == null) {
            throw GrantError.INVALID_TOKEN.refuse("the access token is unknown, ended or revoked");
        }
        return entry;
    }
}
