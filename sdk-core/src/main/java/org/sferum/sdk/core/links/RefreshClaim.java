package org.sferum.sdk.core.links;

import java.time.Instant;
import java.util.Optional;
import org.sferum.sdk.spi.TokenSet;

/**
 * A node's claim to refresh an account's tokens, kept in the {@link org.sferum.sdk.spi.TokenStore} itself so that
 * every node sharing the store sees it (issue 12 item 4). While a node refreshes, the stored refresh token is
 * replaced by a marker {@code sferum-refreshing:<lease end, epoch ms>:<claim id>:<the refresh token>}: the access
 * token, the device id and the expiry stay, so other nodes keep using the access token, and the real refresh token
 * is still sealed at rest with the rest. The claim is taken and given back with
 * {@link org.sferum.sdk.spi.TokenStore#replace compare-and-set}, so of any number of nodes exactly one presents a
 * refresh token to VK ID, which revokes the whole link when a rotated one comes twice.
 *
 * @param leaseEnd when other nodes may take the claim over (the claimer died)
 * @param id the claim's random id
 * @param refreshToken the refresh token the claimer presents
 */
record RefreshClaim(Instant leaseEnd, String id, String refreshToken) {
    private static final String PREFIX = "sferum-refreshing:";

    /**
     * Reads the claim a stored token set carries, if any.
     *
     * @param stored the stored tokens
     * @return the claim
     */
    static Optional<RefreshClaim> of(TokenSet stored) {
        String value = stored.refreshToken();
        if (!value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int first = value.indexOf(':', PREFIX.length());
        int second = first < 0 ? -1 : value.indexOf(':', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        try {
            Instant end = Instant.ofEpochMilli(Long.parseLong(value.substring(PREFIX.length(), first)));
            return Optional.of(new RefreshClaim(end, value.substring(first + 1, second), value.substring(second + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The token set to store while this claim is held.
     *
     * @param original the tokens without a claim
     * @return the same tokens with the claim in place of the refresh token
     */
    TokenSet mark(TokenSet original) {
        return new TokenSet(original.accessToken(), PREFIX + leaseEnd.toEpochMilli() + ":" + id + ":" + refreshToken,
                original.deviceId(), original.expiresAt());
    }

    /**
     * The tokens as they were before the claim.
     *
     * @param marked the stored tokens carrying this claim
     * @return them with the real refresh token back
     */
    TokenSet unmark(TokenSet marked) {
        return new TokenSet(marked.accessToken(), refreshToken, marked.deviceId(), marked.expiresAt());
    }

    @Override
    public String toString() {
        return "RefreshClaim[until " + leaseEnd + ", redacted]";
    }
}
