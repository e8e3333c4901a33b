package org.sferum.sdk.store.jdbc;

import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.testkit.contract.TokenStoreContract;

/**
 * The token store contract against {@link JdbcTokenStore} on PostgreSQL (each test skipped when there is none, see
 * {@link PostgresServer}); the second node has a DataSource of its own.
 */
class PostgresTokenStoreContractTest extends TokenStoreContract {
    private TestDb db;

    @Override
    protected TokenStore newStore() {
        db = TestDb.postgres();
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
