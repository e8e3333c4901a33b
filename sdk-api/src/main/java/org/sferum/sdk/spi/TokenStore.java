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
     * Forgets the tokens of an account.
     *
     * @param account the school account
     */
    void remove(SchoolAccountId account);
}
