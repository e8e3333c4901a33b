package org.sferum.sdk.store.jdbc;

/**
 * The JDBC stores' own tests on a real PostgreSQL (each test skipped when there is none, see
 * {@link PostgresServer}).
 */
class PostgresJdbcStoresTest extends JdbcStoresTests {
    @Override
    TestDb openDb() {
        return TestDb.postgres();
    }
}
