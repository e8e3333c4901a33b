package org.sferum.sdk.core.links;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.users.AccessToken;

/**
 * A successful answer of {@code /oauth2/auth}. {@link #toString()} hides the secrets.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token, or {@code null} when the answer has none
 * @param idToken the ID token, or {@code null} (a refresh has none)
 * @param expiresAt when the access token expires: the time the request was sent plus {@code expires_in}
 * @param userId the {@code user_id}, or 0 when the answer has none
 * @param state the echoed {@code state}, or {@code null}
 * @param requestId the request's id
 */
public record TokenGrant(AccessToken accessToken, String refreshToken, String idToken, Instant expiresAt,
                         long userId, String state, String requestId) {
    /** What {@code expires_in} is taken to be when the answer has none: VK's documented hour. */
    static final long DEFAULT_EXPIRES_IN = 3600;

    /**
     * Validates the fields.
     *
     * @param accessToken the access token
     * @param refreshToken the refresh token, or {@code null} when the answer has none
     * @param idToken the ID token, or {@code null} (a refresh has none)
     * @param expiresAt when the access token expires
     * @param userId the {@code user_id}, or 0 when the answer has none
     * @param state the echoed {@code state}, or {@code null}
     * @param requestId the request's id
     */
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** The longest lifetime believed (a year): a larger {@code expires_in} would overflow the expiry (issue 12 fuzzing). */
    private static final long MAX_EXPIRES_IN = 365L * 24 * 3600;

    /**
     * Reads an answer.
     *
     * @param reply the answer
     * @param sentAt when the request was sent
     * @return the grant
     * @throws org.sferum.sdk.error.ServiceException with {@code MALFORMED_RESPONSE} when the access token is
     *     missing or malformed
     */
    static TokenGrant read(OAuthHttp.Reply reply, Instant sentAt) {
        JsonNode body = reply.body();
        String access = Json.text(body, "access_token", null);
        AccessToken token;
        try {
            token = AccessToken.of(access == null ? "" : access);
        } catch (RuntimeException e) {
            throw OAuthHttp.failure(ErrorCode.MALFORMED_RESPONSE, "oauth2/auth", "the answer has no valid"
                    + " access_token", reply.requestId(), null);
        }
        long expiresIn = Json.longOr(body, "expires_in", DEFAULT_EXPIRES_IN);
        return new TokenGrant(token, Json.text(body, "refresh_token", null), Json.text(body, "id_token", null),
                sentAt.plusSeconds(Math.min(Math.max(0, expiresIn), MAX_EXPIRES_IN)), Json.longOr(body, "user_id", 0),
                Json.text(body, "state", null), reply.requestId());
    }

    @Override
    public String toString() {
        return "TokenGrant[user_id=" + userId + ", expiresAt=" + expiresAt + ", request " + requestId
                + ", secrets redacted]";
    }
}
