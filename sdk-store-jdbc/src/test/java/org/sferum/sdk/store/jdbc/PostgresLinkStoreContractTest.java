package org.sferum.sdk.store.jdbc;

import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.testkit.contract.LinkStoreContract;

/**
 * The link store contract against {@link JdbcLinkStore} on PostgreSQL (each test skipped when there is none, see
 * {@link PostgresServer}); the second node has a DataSource of its own.
 */
class PostgresLinkStoreContractTest extends LinkStoreContract {
    private TestDb db;

    @Override
    protected LinkStore newStore() {
        db = TestDb.postgres();
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
