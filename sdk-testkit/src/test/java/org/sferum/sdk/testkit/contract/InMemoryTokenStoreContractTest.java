package org.sferum.sdk.testkit.contract;

import org.sferum.sdk.spi.TokenStore;

/** The token store contract against the default store, {@link TokenStore#inMemory()}. */
class InMemoryTokenStoreContractTest extends TokenStoreContract {
    @Override
    protected TokenStore newStore() {
        return TokenStore.inMemory();
    }
}
