package org.sferum.sdk.store.jdbc;

import java.sql.Connection;
import org.junit.jupiter.api.Nested;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.testkit.contract.LinkStoreContract;
import org.sferum.sdk.testkit.contract.TokenStoreContract;

/**
 * Every test of the JDBC stores, written once and run on each database by a subclass that says how to open it
 * ({@link H2StoresTest}, {@link PostgresStoresTest}): the stores' own tests, and the link and token store contracts
 * (F-LINK-11) at the driver's default isolation and at SERIALIZABLE, as a pool may be configured (a race lost to
 * another transaction must still end as the contract says, not as a database error). In the contracts the second
 * node has a DataSource of its own.
 */
abstract class StoreSuite {
    /** The driver's default isolation. */
    static final int DEFAULT_ISOLATION = -1;

    /**
     * Opens a fresh database of this suite's kind for one test.
     *
     * @param isolation a {@link Connection} {@code TRANSACTION_} level, or {@link #DEFAULT_ISOLATION}
     * @return the database
     */
    abstract TestDb openDatabase(int isolation);

    /** The JDBC stores' own tests. */
    @Nested
    class Stores extends JdbcStoresTests {
        @Override
        TestDb openDb() {
            return openDatabase(DEFAULT_ISOLATION);
        }
    }

    /** The link store contract against {@link JdbcLinkStore}. */
    @Nested
    class LinkStoreContractTest extends LinkStoreContract {
        private TestDb db;

        int isolation() {
            return DEFAULT_ISOLATION;
        }

        @Override
        protected LinkStore newStore() {
            db = openDatabase(isolation());
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

    /** The link store contract against {@link JdbcLinkStore} with SERIALIZABLE connections. */
    @Nested
    class SerializableLinkStoreContractTest extends LinkStoreContractTest {
        @Override
        int isolation() {
            return Connection.TRANSACTION_SERIALIZABLE;
        }
    }

    /** The token store contract against {@link JdbcTokenStore}. */
    @Nested
    class TokenStoreContractTest extends TokenStoreContract {
        private TestDb db;

        int isolation() {
            return DEFAULT_ISOLATION;
        }

        @Override
        protected TokenStore newStore() {
            db = openDatabase(isolation());
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

    /** The token store contract against {@link JdbcTokenStore} with SERIALIZABLE connections. */
    @Nested
    class SerializableTokenStoreContractTest extends TokenStoreContractTest {
        @Override
        int isolation() {
            return Connection.TRANSACTION_SERIALIZABLE;
        }
    }
}
