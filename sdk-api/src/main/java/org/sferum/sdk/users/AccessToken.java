package org.sferum.sdk.users;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * A bearer access token that lets the SDK act as one user. Its {@link #toString()} never shows the secret, so
 * it is safe to log a value that holds one.
 */
public final class AccessToken {
    private final String secret;

    private AccessToken(String secret) {
        this.secret = secret;
    }

    /**
     * Wraps a token string.
     *
     * @param secret the token as the service issued it
     * @return the token
     */
    public static AccessToken of(String secret) {
        Checks.notNull(secret, "access token");
        Checks.require(!secret.isBlank() && secret.length() <= 4096
                        && secret.chars().noneMatch(c -> c <= ' ' || c > '~'),
                ErrorCode.INVALID_ARGUMENT, "access token must be 1 to 4096 printable ASCII characters");
        return new AccessToken(secret);
    }

    /**
     * Returns the secret, to put on the wire. Do not log it.
     *
     * @return the token string
     */
    public String secret() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken && ((AccessToken) o).secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
