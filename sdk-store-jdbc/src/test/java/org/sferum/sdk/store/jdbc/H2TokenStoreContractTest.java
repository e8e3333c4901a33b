package org.sferum.sdk.store.jdbc;

import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.testkit.contract.TokenStoreContract;

/** The token store contract against {@link JdbcTokenStore} on H2; the second node has a DataSource of its own. */
class H2TokenStoreContractTest extends TokenStoreContract {
    private TestDb db;

    @Override
    protected TokenStore newStore() {
        db = TestDb.h2();
        return db.node().tokenStore();
    }

    @Override
    protected TokenStore secondNodeOf(TokenStore store) {
        return db.node().tokenStore();
    }

    @Override
    protected void closeStore(TokenStore store) {
        db.close();
    }
}
