package org.sferum.sdk.store.jdbc;

/** Every JDBC store test ({@link StoreSuite}) on H2, in memory, a fresh database per test. */
class H2StoresTest extends StoreSuite {
    @Override
    TestDb openDatabase(int isolation) {
        return TestDb.h2(isolation);
    }
}
