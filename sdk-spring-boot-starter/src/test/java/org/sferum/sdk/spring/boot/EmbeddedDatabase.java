package org.sferum.sdk.spring.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The embedded PostgreSQL the starter's tests run on (the same io.zonky.test server sdk-store-jdbc's tests use),
 * started once per test JVM and stopped when it exits.
 */
final class EmbeddedDatabase {
    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    /** The JDBC URL of the server's {@code postgres} database, user {@code postgres}. */
    static synchronized String url() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is in a temporary folder
                }
            }, "embedded-postgres-stop"));
        }
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
    }
}
