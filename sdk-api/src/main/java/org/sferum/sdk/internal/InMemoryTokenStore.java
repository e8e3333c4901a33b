package org.sferum.sdk.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.SchoolAccountId;

/** The default {@link TokenStore}: in memory. Use {@link TokenStore#inMemory()}. */
public final class InMemoryTokenStore implements TokenStore {
    private final ConcurrentHashMap<SchoolAccountId, TokenSet> tokens = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryTokenStore() {
    }

    @Override
    public void put(SchoolAccountId account, TokenSet set) {
        tokens.put(Objects.requireNonNull(account, "account"), Objects.requireNonNull(set, "tokens"));
    }

    @Override
    public Optional<TokenSet> get(SchoolAccountId account) {
        return Optional.ofNullable(tokens.get(account));
    }

    @Override
    public boolean replace(SchoolAccountId account, TokenSet expected, TokenSet next) {
        return tokens.replace(Objects.requireNonNull(account, "account"), Objects.requireNonNull(expected, "expected"),
                Objects.requireNonNull(next, "next"));
    }

    @Override
    public void remove(SchoolAccountId account) {
        tokens.remove(account);
    }
}
