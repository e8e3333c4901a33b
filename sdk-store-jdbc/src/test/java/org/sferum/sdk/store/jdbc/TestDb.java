package org.sferum.sdk.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One test's database and the nodes of a school system on it. Each {@link #dataSource()} is a separate
 * {@code DataSource} object on the same database, as a second node would have; each test gets its own tables.
 */
abstract class TestDb implements AutoCloseable {
    /** The key most tests use. */
    static final byte[] KEY = key(7);
    /** Another key. */
    static final byte[] OTHER_KEY = key(42);

    private static final AtomicInteger COUNTER = new AtomicInteger();

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return key;
    }

    /**
     * A fresh in-memory H2 database of its own, under the default table prefix, with connections at a given
     * isolation level.
     *
     * @param isolation a {@link Connection} {@code TRANSACTION_} level, or -1 for the driver's default
     * @return the database
     */
    static TestDb h2(int isolation) {
        String url = "jdbc:h2:mem:sferum_store_" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        return new TestDb(JdbcStores.DEFAULT_TABLE_PREFIX) {
            @Override
            DataSource dataSource() {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(url);
                ds.setUser("sa");
                return isolation < 0 ? ds : new IsolatedDataSource(ds, isolation);
            }

            @Override
            public void close() {
                execute("SHUTDOWN");
            }

            @Override
            public String toString() {
                return "H2" + (isolation < 0 ? "" : " at isolation " + isolation);
            }
        };
    }

    /**
     * The shared PostgreSQL, under a table prefix of this test's own (dropped on close), with connections at a
     * given isolation level.
     *
     * @param isolation a {@link Connection} {@code TRANSACTION_} level, or -1 for the driver's default
     * @return the database
     */
    static TestDb postgres(int isolation) {
        PostgresServer server = PostgresServer.get();
        String prefix = "t" + COUNTER.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000L, 36) + "_";
        return new TestDb(prefix) {
            @Override
            DataSource dataSource() {
                DataSource plain = server.dataSource();
                return isolation < 0 ? plain : new IsolatedDataSource(plain, isolation);
            }

            @Override
            public void close() {
                for (String table : List.of("links", "pending_links", "tokens", "key_check", "schema_version")) {
                    execute("DROP TABLE IF EXISTS " + prefix() + table);
                }
            }

            @Override
            public String toString() {
                return "PostgreSQL" + (isolation < 0 ? "" : " at isolation " + isolation);
            }
        };
    }

    private final String prefix;

    TestDb(String prefix) {
        this.prefix = prefix;
    }

    /** A new DataSource object on this database: what another node would have. */
    abstract DataSource dataSource();

    @Override
    public abstract void close();

    String prefix() {
        return prefix;
    }

    /** Starts a node: a new DataSource, the given key, this test's prefix. */
    JdbcStores node(byte[] key) {
        return JdbcStores.builder().dataSource(dataSource()).encryptionKey(key).tablePrefix(prefix).build();
    }

    JdbcStores node() {
        return node(KEY);
    }

    JdbcStores.Builder builder() {
        return JdbcStores.builder().dataSource(dataSource()).tablePrefix(prefix);
    }

    void execute(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every row of a query, every column as text. */
    List<List<String>> rows(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<List<String>> out = new ArrayList<>();
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getString(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String table(String name) {
        return prefix + name;
    }
}
