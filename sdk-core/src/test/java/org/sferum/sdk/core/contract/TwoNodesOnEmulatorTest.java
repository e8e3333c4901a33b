package org.sferum.sdk.core.contract;

import org.junit.jupiter.api.Nested;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.TokenStore;

/**
 * Two nodes of one school system share their link and token stores and talk to one emulator (F-LINK-11): with
 * in-memory stores shared in one process, and with each node's own JDBC stores on one H2 and on one PostgreSQL
 * database.
 */
class TwoNodesOnEmulatorTest {
    /** The nodes share in-memory stores, as two clients in one process would. */
    @Nested
    class InMemory extends TwoNodesScenario {
        private final TwoNodesScenario.Stores shared = new TwoNodesScenario.Stores(LinkStore.inMemory(), TokenStore.inMemory());

        @Override
        TwoNodesScenario.Stores storesOfNode() {
            return shared;
        }
    }

    /** Each node opens its own JDBC stores on one H2 database, as nodes of a cluster on one database would. */
    @Nested
    class Jdbc extends TwoNodesScenario {
        private final String url = "jdbc:h2:mem:two-nodes-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        private final byte[] key = new byte[32];

        @Override
        TwoNodesScenario.Stores storesOfNode() {
            org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL(url);
            java.util.Arrays.fill(key, (byte) 7);
            org.sferum.sdk.store.jdbc.JdbcStores stores = org.sferum.sdk.store.jdbc.JdbcStores.builder()
                    .dataSource(dataSource).encryptionKey(key).build();
            return new TwoNodesScenario.Stores(stores.linkStore(), stores.tokenStore());
        }
    }
    /**
     * Each node opens its own JDBC stores on one PostgreSQL database (the embedded server the store tests use), so
     * that refreshes of one account on both nodes at once are coordinated by the database's compare-and-set
     * (issue 12 item 4).
     */
    @Nested
    class Postgres extends TwoNodesScenario {
        private final String prefix = "n" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                + "_";
        private final byte[] key = new byte[32];

        @Override
        TwoNodesScenario.Stores storesOfNode() {
            java.util.Arrays.fill(key, (byte) 9);
            org.sferum.sdk.store.jdbc.JdbcStores stores = org.sferum.sdk.store.jdbc.JdbcStores.builder()
                    .dataSource(EmbeddedPostgresServer.dataSource()).encryptionKey(key).tablePrefix(prefix).build();
            return new TwoNodesScenario.Stores(stores.linkStore(), stores.tokenStore());
        }
    }
}
