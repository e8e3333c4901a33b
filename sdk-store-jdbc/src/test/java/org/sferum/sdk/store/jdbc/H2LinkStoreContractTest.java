package org.sferum.sdk.store.jdbc;

import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.testkit.contract.LinkStoreContract;

/** The link store contract against {@link JdbcLinkStore} on H2; the second node has a DataSource of its own. */
class H2LinkStoreContractTest extends LinkStoreContract {
    private TestDb db;

    @Override
    protected LinkStore newStore() {
        db = TestDb.h2();
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
