package org.sferum.sdk.spi;

import java.util.Optional;
import org.sferum.sdk.internal.InMemoryTokenStore;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * Where the tokens of linked users are kept (F-LINK-11). Implementations must be thread-safe and should encrypt
 * tokens at rest. Found with {@link java.util.ServiceLoader} or set on the client's builder; the default keeps
 * them in memory.
 */
public interface TokenStore {
    /**
     * A new empty store in memory: for one node, lost on restart.
     *
     * @return the store
     */
    static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }

    /**
     * Stores or replaces the tokens of an account.
     *
     * @param account the school account
     * @param tokens the tokens
     */
    void put(SchoolAccountId account, TokenSet tokens);

    /**
     * Reads the tokens of an account.
     *
     * @param account the school account
     * @return the tokens, if stored
     */
    Optional<TokenSet> get(SchoolAccountId account);

    /**
     * Compare-and-set: replaces the tokens of an account with {@code next} only if the stored ones equal
     * {@code expected} (issue 12 item 4). sdk-core uses it to let exactly one node refresh an account's tokens at a
     * time, because VK ID revokes every token of a link when a rotated refresh token is presented twice.
     *
     * <p>A store that several nodes share must make this atomic across them (the JDBC stores do, in the database).
     * The default reads, compares and puts while holding this store object's monitor: atomic only against other
     * {@code replace} calls on the same object, so correct for one node and no more.
     *
     * @param account the school account
     * @param expected the tokens the caller read
     * @param next the tokens to store instead
     * @return {@code true} if the tokens were replaced; {@code false} if the stored ones differ from
     *     {@code expected} or none are stored (nothing changed)
     */
    default boolean replace(SchoolAccountId account, TokenSet expected, TokenSet next) {
        java.util.Objects.requireNonNull(account, "account");
        java.util.Objects.requireNonNull(expected, "expected");
        java.util.Objects.requireNonNull(next, "next");
        synchronized (this) {
            if (!get(account).equals(Optional.of(expected))) {
                return false;
            }
            put(account, next);
            return true;
        }
    }

    /**
     * Forgets the tokens of an account.
     *
     * @param account the school account
     */
    void remove(SchoolAccountId account);
}
