package org.sferum.sdk.core.wire;

import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.users.AccessToken;

/**
 * Where a session's calls get their access token: a fixed token ({@link #of(AccessToken)}), or a linked school
 * account's tokens that are refreshed as they expire. {@link VkApi#call(TokenSource, VkRequest)} asks for the token
 * before each call, and asks to {@link #renew(AccessToken) renew} it once when the service refuses a token that
 * looked valid (VK errors 5 and 1117).
 */
public interface TokenSource {

    /**
     * Returns the token to send now, refreshing it first if it is about to expire.
     *
     * @return the token
     * @throws org.sferum.sdk.error.SferumException if no usable token can be had (for example
     *     {@code RELINK_REQUIRED})
     */
    AccessToken current();

    /**
     * Replaces a token the service refused. The default (a fixed token) cannot.
     *
     * @param rejected the token the service refused
     * @return the token to retry with, or empty when there is none
     * @throws org.sferum.sdk.error.SferumException if renewing failed (for example {@code RELINK_REQUIRED})
     */
    default Optional<AccessToken> renew(AccessToken rejected) {
        return Optional.empty();
    }

    /**
     * A source that always gives the same token and cannot renew it.
     *
     * @param token the token
     * @return the source
     */
    static TokenSource of(AccessToken token) {
        Objects.requireNonNull(token, "token");
        return new TokenSource() {
            @Override
            public AccessToken current() {
                return token;
            }

            @Override
            public String toString() {
                return "TokenSource[fixed, redacted]";
            }
        };
    }
}
