package org.sferum.sdk.store.jdbc;

/**
 * Every JDBC store test ({@link StoreSuite}) on a real PostgreSQL, under a table prefix of each test's own. When no
 * server can be had the tests fail; {@code SFERUM_SKIP_POSTGRES=true} is the only way to skip them (see
 * {@link PostgresServer}).
 */
class PostgresStoresTest extends StoreSuite {
    @Override
    TestDb openDatabase(int isolation) {
        return TestDb.postgres(isolation);
    }
}
