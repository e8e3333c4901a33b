package org.sferum.sdk.store.jdbc;

/** The JDBC stores' own tests on H2 (in memory, plain mode). */
class H2JdbcStoresTest extends JdbcStoresTests {
    @Override
    TestDb openDb() {
        return TestDb.h2();
    }
}
