package org.sferum.sdk.testkit.contract;

import org.sferum.sdk.spi.LinkStore;

/** The link store contract against the default store, {@link LinkStore#inMemory()}. */
class InMemoryLinkStoreContractTest extends LinkStoreContract {
    @Override
    protected LinkStore newStore() {
        return LinkStore.inMemory();
    }
}
