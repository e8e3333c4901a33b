package org.sferum.sdk.core.links;

import java.util.Optional;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.PendingLink;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/** Stores declared as services by {@link LinkBuilderTest} through a class loader of its own. */
public final class TestStores {
    private TestStores() {
    }

    /** A link store found with ServiceLoader. */
    public static class FoundLinkStore implements LinkStore {
        private final LinkStore inner = LinkStore.inMemory();

        /** Creates it. */
        public FoundLinkStore() {
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

    /** A second one, to make discovery ambiguous. */
    public static final class OtherLinkStore extends FoundLinkStore {
        /** Creates it. */
        public OtherLinkStore() {
        }
    }

    /** A token store found with ServiceLoader. */
    public static class FoundTokenStore implements TokenStore {
        private final TokenStore inner = TokenStore.inMemory();

        /** Creates it. */
        public FoundTokenStore() {
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
