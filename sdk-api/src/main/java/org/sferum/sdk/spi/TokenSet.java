package org.sferum.sdk.spi;

import java.time.Instant;
import java.util.Objects;
import org.sferum.sdk.users.AccessToken;

/**
 * The tokens of one linked user. {@link #toString()} hides the secrets.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token
 * @param deviceId the VK ID device id the tokens were issued to (needed to refresh them)
 * @param expiresAt when the access token expires
 */
public record TokenSet(AccessToken accessToken, String refreshToken, String deviceId, Instant expiresAt) {
    /**
     * Validates the fields.
     *
     * @param accessToken the access token
     * @param refreshToken the refresh token
     * @param deviceId the VK ID device id the tokens were issued to (needed to refresh them)
     * @param expiresAt when the access token expires
     */
    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "TokenSet[expiresAt=" + expiresAt + ", secrets redacted]";
    }
}
