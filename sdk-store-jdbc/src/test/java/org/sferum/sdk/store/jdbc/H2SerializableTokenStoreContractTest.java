package org.sferum.sdk.store.jdbc;

import java.sql.Connection;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.testkit.contract.TokenStoreContract;

/**
 * The token store contract against {@link JdbcTokenStore} on H2 with SERIALIZABLE connections, as a pool may be
 * configured: a race lost to another transaction must still end as the contract says, not as a database error.
 */
class H2SerializableTokenStoreContractTest extends TokenStoreContract {
    private TestDb db;

    @Override
    protected TokenStore newStore() {
        db = TestDb.h2(Connection.TRANSACTION_SERIALIZABLE);
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
