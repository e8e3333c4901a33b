package org.sferum.sdk.core;

import java.util.Optional;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.PendingLink;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/** Stores of their own classes that keep everything in the in-memory defaults, for discovery tests (F-EMB-03). */
public final class DelegatingStores {
    private DelegatingStores() {
    }

    /** A link store of its own class over {@link LinkStore#inMemory()}. */
    public static class Links implements LinkStore {
        private final LinkStore inner = LinkStore.inMemory();

        /** Creates an empty store. */
        public Links() {
        }

        @Override
        public void insert(Link link) {
            inner.insert(link);
        }

        @Override
        public Optional<Link> findByAccount(SchoolAccountId account) {
            return inner.findByAccount(account);
        }

        @Override
        public Optional<Link> findByUser(UserId user) {
            return inner.findByUser(user);
        }

        @Override
        public boolean delete(SchoolAccountId account) {
            return inner.delete(account);
        }

        @Override
        public void savePending(PendingLink pending) {
            inner.savePending(pending);
        }

        @Override
        public Optional<PendingLink> takePending(String state) {
            return inner.takePending(state);
        }
    }

    /** A token store of its own class over {@link TokenStore#inMemory()}. */
    public static class Tokens implements TokenStore {
        private final TokenStore inner = TokenStore.inMemory();

        /** Creates an empty store. */
        public Tokens() {
        }

        @Override
        public void put(SchoolAccountId account, TokenSet tokens) {
            inner.put(account, tokens);
        }

        @Override
        public Optional<TokenSet> get(SchoolAccountId account) {
            return inner.get(account);
        }

        @Override
        public void remove(SchoolAccountId account) {
            inner.remove(account);
        }
    }
}
