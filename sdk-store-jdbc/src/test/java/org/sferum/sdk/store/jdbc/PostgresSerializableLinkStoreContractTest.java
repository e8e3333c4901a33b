package org.sferum.sdk.store.jdbc;

import java.sql.Connection;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.testkit.contract.LinkStoreContract;

/**
 * The link store contract against {@link JdbcLinkStore} on Postgres with SERIALIZABLE connections, as a pool may be
 * configured: a race lost to another transaction must still end as the contract says, not as a database error.
 */
class PostgresSerializableLinkStoreContractTest extends LinkStoreContract {
    private TestDb db;

    @Override
    protected LinkStore newStore() {
        db = TestDb.postgres(Connection.TRANSACTION_SERIALIZABLE);
        return db.node().linkStore();
    }

    @Override
    protected LinkStore secondNodeOf(LinkStore store) {
        return db.node().linkStore();
    }

    @Override
    protected void closeStore(LinkStore store) {
        db.close();
    }
}
