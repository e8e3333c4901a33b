package org.sferum.sdk.spi;

import java.time.Instant;
import java.util.Objects;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * A linking that was started and waits for its callback: what the callback is checked against. Kept in the
 * {@link LinkStore} so that any node of the school system can complete it. {@link #toString()} hides the secrets.
 *
 * @param state the {@code state} sent to VK ID, the key of the pending linking
 * @param account the school account being linked
 * @param role the role the school system gives it
 * @param codeVerifier the PKCE code verifier (secret)
 * @param nonce the nonce the ID token must carry (secret)
 * @param createdAt when the linking started
 */
public record PendingLink(String state, SchoolAccountId account, Role role, String codeVerifier, String nonce,
                          Instant createdAt) {
    /**
     * Validates the fields.
     *
     * @param state the {@code state} sent to VK ID, the key of the pending linking
     * @param account the school account being linked
     * @param role the role the school system gives it
     * @param codeVerifier the PKCE code verifier (secret)
     * @param nonce the nonce the ID token must carry (secret)
     * @param createdAt when the linking started
     */
    public PendingLink {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "PendingLink[account=" + account.value() + ", role=" + role + ", createdAt=" + createdAt
                + ", secrets redacted]";
    }
}
