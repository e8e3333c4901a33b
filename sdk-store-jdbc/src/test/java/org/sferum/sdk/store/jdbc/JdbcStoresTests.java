package org.sferum.sdk.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCategory;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.spi.PendingLink;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * What the JDBC stores promise beyond the SPI's contract: encryption at rest, a clear failure on a wrong key, key
 * rotation, idempotent and concurrent schema creation, database failures without values. Run on H2 and PostgreSQL.
 */
abstract class JdbcStoresTests {
    private static final String ACCESS = "vk2.a.PLAINTEXT-ACCESS-7f3c9a";
    private static final String REFRESH = "vk2.r.PLAINTEXT-REFRESH-обновление";
    private static final String VERIFIER = "PLAINTEXT-VERIFIER-dBjftJeZ4CVP";
    private static final String NONCE = "PLAINTEXT-NONCE-ёжик";
    private static final String STATE = "PLAINTEXT-STATE-s7d6f5";
    private static final Instant AT = Instant.parse("2025-09-01T08:30:15.123456789Z");

    /** This test's database. */
    protected TestDb db;

    /**
     * Opens a fresh database for one test.
     *
     * @return the database
     */
    abstract TestDb openDb();

    @BeforeEach
    void open() {
        db = openDb();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static TokenSet tokens(String access, String refresh) {
        return new TokenSet(AccessToken.of(access), refresh, "device-1", AT);
    }

    private static SchoolAccountId account(String id) {
        return SchoolAccountId.of(id);
    }

    private List<String> allValues(String table) {
        List<String> values = new ArrayList<>();
        db.rows("SELECT * FROM " + db.table(table)).forEach(values::addAll);
        return values;
    }

    @Test
    @DisplayName("F-LINK-11 tokens, code verifiers, nonces and states are not stored in plain text")
    void encryptedAtRest() {
        JdbcStores stores = db.node();
        stores.tokenStore().put(account("teacher-1"), tokens(ACCESS, REFRESH));
        stores.linkStore().savePending(new PendingLink(STATE, account("teacher-1"), Role.TEACHER, VERIFIER, NONCE, AT));

        List<String> raw = new ArrayList<>(allValues("tokens"));
        raw.addAll(allValues("pending_links"));
        assertFalse(raw.isEmpty());
        for (String value : raw) {
            for (String secret : List.of(ACCESS, REFRESH, VERIFIER, NONCE, STATE, "PLAINTEXT")) {
                assertFalse(value != null && value.contains(secret), "a raw column holds a secret in clear");
            }
        }
        List<String> row = db.rows("SELECT access_token, refresh_token, device_id FROM " + db.table("tokens")).get(0);
        byte[] access = Base64.getDecoder().decode(row.get(0));
        assertEquals(JdbcStores.DEFAULT_KEY_ID, access[0], "the first byte is the key id");
        assertEquals(1 + 12 + ACCESS.length() + 16, access.length, "key id, 12-byte IV, ciphertext, 16-byte tag");
        assertEquals("device-1", row.get(2), "the device id is not a secret");

        stores.tokenStore().put(account("teacher-2"), tokens(ACCESS, REFRESH));
        List<List<String>> both = db.rows("SELECT access_token FROM " + db.table("tokens"));
        assertNotEquals(both.get(0).get(0), both.get(1).get(0), "a random IV per value: equal tokens differ at rest");

        assertEquals(Optional.of(tokens(ACCESS, REFRESH)), stores.tokenStore().get(account("teacher-1")));
        assertEquals(VERIFIER, stores.linkStore().takePending(STATE).orElseThrow().codeVerifier());
    }

    @Test
    @DisplayName("F-LINK-11 a node started with the wrong key fails at start with a typed SERVICE error naming no secret")
    void wrongKeyFailsAtStart() {
        db.node().tokenStore().put(account("teacher"), tokens(ACCESS, REFRESH));

        EncryptionKeyMismatchException e = assertThrows(EncryptionKeyMismatchException.class,
                () -> db.node(TestDb.OTHER_KEY));
        assertEquals(ErrorCategory.SERVICE, e.category());
        assertEquals(ErrorCode.MALFORMED_RESPONSE, e.code());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        assertTrue(e.getMessage().contains("key id 1"), e.getMessage());
        assertNoSecret(e);
        assertEquals(Optional.of(tokens(ACCESS, REFRESH)), db.node().tokenStore().get(account("teacher")),
                "the right key still reads");
    }

    @Test
    @DisplayName("F-LINK-11 values that do not decrypt with the key (check row lost) fail clearly; a pending linking is kept")
    void wrongKeyOnRead() {
        JdbcStores right = db.node();
        right.tokenStore().put(account("teacher"), tokens(ACCESS, REFRESH));
        right.linkStore().savePending(new PendingLink(STATE, account("teacher"), Role.TEACHER, VERIFIER, NONCE, AT));
        db.execute("DELETE FROM " + db.table("key_check"));

        JdbcStores wrong = db.node(TestDb.OTHER_KEY);
        EncryptionKeyMismatchException e = assertThrows(EncryptionKeyMismatchException.class,
                () -> wrong.tokenStore().get(account("teacher")));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        assertNoSecret(e);
        EncryptionKeyMismatchException p = assertThrows(EncryptionKeyMismatchException.class,
                () -> wrong.linkStore().takePending(STATE));
        assertNoSecret(p);

        assertEquals(VERIFIER, right.linkStore().takePending(STATE).orElseThrow().codeVerifier(),
                "the failed take did not consume the pending linking");
    }

    @Test
    @DisplayName("F-LINK-11 a ciphertext copied to another account's row, or to another column, does not decrypt")
    void ciphertextBoundToItsRow() {
        JdbcStores stores = db.node();
        stores.tokenStore().put(account("victim"), tokens("vk2.a.victim", "vk2.r.victim"));
        stores.tokenStore().put(account("thief"), tokens("vk2.a.thief", "vk2.r.thief"));
        String tokens = db.table("tokens");
        String victimAccess = db.rows("SELECT access_token FROM " + tokens + " WHERE account_id = ?", "victim")
                .get(0).get(0);
        db.execute("UPDATE " + tokens + " SET access_token = ? WHERE account_id = ?", victimAccess, "thief");
        assertThrows(EncryptionKeyMismatchException.class, () -> stores.tokenStore().get(account("thief")));

        db.execute("UPDATE " + tokens + " SET refresh_token = access_token WHERE account_id = ?", "victim");
        assertThrows(EncryptionKeyMismatchException.class, () -> stores.tokenStore().get(account("victim")));

        db.execute("UPDATE " + tokens + " SET access_token = ? WHERE account_id = ?", "not base64 at all!", "thief");
        ServiceException garbled = assertThrows(ServiceException.class,
                () -> stores.tokenStore().get(account("thief")));
        assertEquals(ErrorCode.MALFORMED_RESPONSE, garbled.code());
    }

    @Test
    @DisplayName("F-LINK-11 keys rotate: a new key id writes, the old key still reads, a rewrite moves a row to the new key")
    void keyRotation() {
        byte[] newKey = TestDb.key(99);
        db.node().tokenStore().put(account("old"), tokens("vk2.a.old", "vk2.r.old"));

        JdbcStores rotated = db.builder().encryptionKey(2, newKey).decryptionKey(1, TestDb.KEY).build();
        assertEquals(Optional.of(tokens("vk2.a.old", "vk2.r.old")), rotated.tokenStore().get(account("old")));
        rotated.tokenStore().put(account("new"), tokens("vk2.a.new", "vk2.r.new"));
        byte[] raw = Base64.getDecoder().decode(db.rows("SELECT access_token FROM " + db.table("tokens")
                + " WHERE account_id = ?", "new").get(0).get(0));
        assertEquals(2, raw[0]);

        JdbcStores onlyOld = db.node(TestDb.KEY);
        EncryptionKeyMismatchException e = assertThrows(EncryptionKeyMismatchException.class,
                () -> onlyOld.tokenStore().get(account("new")));
        assertTrue(e.getMessage().contains("key id 2"), e.getMessage());
        assertTrue(e.getMessage().contains("not configured"), e.getMessage());

        JdbcStores onlyNew = db.builder().encryptionKey(2, newKey).build();
        assertThrows(EncryptionKeyMismatchException.class, () -> onlyNew.tokenStore().get(account("old")));
        rotated.tokenStore().put(account("old"), rotated.tokenStore().get(account("old")).orElseThrow());
        assertEquals(Optional.of(tokens("vk2.a.old", "vk2.r.old")), onlyNew.tokenStore().get(account("old")));

        assertThrows(EncryptionKeyMismatchException.class,
                () -> db.builder().encryptionKey(2, TestDb.OTHER_KEY).build(), "a wrong key under id 2 is caught");
    }

    @Test
    @DisplayName("F-LINK-11 starting twice migrates once and keeps the data")
    void migrationIdempotent() {
        JdbcStores first = db.node();
        assertEquals(JdbcStores.SCHEMA_VERSION, first.schemaVersion());
        first.linkStore().insert(new Link(account("teacher"), UserId.of(11), Role.TEACHER, AT));
        first.tokenStore().put(account("teacher"), tokens(ACCESS, REFRESH));

        JdbcStores second = db.node();
        JdbcStores third = db.node();
        assertEquals(JdbcStores.SCHEMA_VERSION, third.schemaVersion());
        assertEquals(List.of(List.of(Integer.toString(JdbcStores.SCHEMA_VERSION))),
                db.rows("SELECT version FROM " + db.table("schema_version")));
        assertEquals(1, db.rows("SELECT key_id FROM " + db.table("key_check")).size());
        assertEquals(Optional.of(new Link(account("teacher"), UserId.of(11), Role.TEACHER, AT)),
                second.linkStore().findByAccount(account("teacher")));
        assertEquals(Optional.of(tokens(ACCESS, REFRESH)), third.tokenStore().get(account("teacher")));
    }

    @Test
    @DisplayName("F-LINK-11 eight nodes starting at once on an empty database all start, with one schema")
    void concurrentStart() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<JdbcStores> started = new ArrayList<>();
        try {
            CyclicBarrier barrier = new CyclicBarrier(nodes);
            List<Future<JdbcStores>> futures = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return db.node();
                }));
            }
            for (Future<JdbcStores> future : futures) {
                started.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(nodes, started.size());
        assertEquals(1, db.rows("SELECT version FROM " + db.table("schema_version")).size());
        assertEquals(1, db.rows("SELECT key_id FROM " + db.table("key_check")).size());
        started.get(0).linkStore().insert(new Link(account("a"), UserId.of(1), Role.STUDENT, AT));
        assertThrows(ConflictException.class, () -> started.get(nodes - 1).linkStore()
                .insert(new Link(account("a"), UserId.of(2), Role.STUDENT, AT)));
    }

    @Test
    @DisplayName("F-LINK-11 two nodes see each other's links, pending linkings and tokens")
    void twoNodes() {
        JdbcStores a = db.node();
        JdbcStores b = db.node();
        Link link = new Link(account("student"), UserId.of(5), Role.STUDENT, AT);
        a.linkStore().insert(link);
        a.tokenStore().put(account("student"), tokens(ACCESS, REFRESH));
        a.linkStore().savePending(new PendingLink(STATE, account("parent"), Role.PARENT, VERIFIER, NONCE, AT));

        assertEquals(Optional.of(link), b.linkStore().findByUser(UserId.of(5)));
        assertEquals(Optional.of(tokens(ACCESS, REFRESH)), b.tokenStore().get(account("student")));
        assertEquals(Optional.of(new PendingLink(STATE, account("parent"), Role.PARENT, VERIFIER, NONCE, AT)),
                b.linkStore().takePending(STATE));
        assertEquals(Optional.empty(), a.linkStore().takePending(STATE));
        assertTrue(b.linkStore().delete(account("student")));
        assertEquals(Optional.empty(), a.linkStore().findByAccount(account("student")));
    }

    @Test
    @DisplayName("F-LINK-11 instants are kept to the nanosecond")
    void instantsExact() {
        JdbcStores stores = db.node();
        Instant odd = Instant.parse("1969-12-31T23:59:59.000000001Z");
        Link link = new Link(account("a"), UserId.of(Long.MAX_VALUE), Role.PARENT, odd);
        stores.linkStore().insert(link);
        assertEquals(Optional.of(link), stores.linkStore().findByUser(UserId.of(Long.MAX_VALUE)));
        stores.tokenStore().put(account("a"), new TokenSet(AccessToken.of("x"), "y", "z", AT));
        assertEquals(AT, stores.tokenStore().get(account("a")).orElseThrow().expiresAt());
    }

    @Test
    @DisplayName("F-LINK-11 pending linkings whose callback never came are purged by age")
    void purgePending() {
        JdbcLinkStore store = db.node().linkStore();
        Instant t0 = Instant.parse("2025-09-01T08:00:00Z");
        store.savePending(new PendingLink("old", account("a"), Role.STUDENT, "v", "n", t0));
        store.savePending(new PendingLink("edge", account("b"), Role.STUDENT, "v", "n", t0.plusSeconds(1800)));
        store.savePending(new PendingLink("new", account("c"), Role.STUDENT, "v", "n", t0.plusSeconds(3600)));

        assertEquals(1, store.purgePendingStartedBefore(t0.plusSeconds(1800)));
        assertEquals(Optional.empty(), store.takePending("old"));
        assertTrue(store.takePending("edge").isPresent(), "the cutoff itself is kept");
        assertTrue(store.takePending("new").isPresent());
        assertEquals(0, store.purgePendingStartedBefore(t0.plusSeconds(7200)));
    }

    @Test
    @DisplayName("F-LINK-11 a database failure is a retryable SERVICE_UNAVAILABLE with the SQLState and no values")
    void sqlFailures() {
        JdbcStores stores = db.node();
        stores.tokenStore().put(account("secret-account-4711"), tokens(ACCESS, REFRESH));
        db.execute("DROP TABLE " + db.table("tokens"));

        ServiceException e = assertThrows(ServiceException.class,
                () -> stores.tokenStore().get(account("secret-account-4711")));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("SQLState 42"), e.getMessage());
        assertFalse(trace(e).contains("secret-account-4711"), "no value in the message or the cause");

        ServiceException unreachable = assertThrows(ServiceException.class, () -> JdbcStores.builder()
                .dataSource(new FailingDataSource()).encryptionKey(TestDb.KEY).build());
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, unreachable.code());
        assertTrue(unreachable.getMessage().contains("SQLState 08001"), unreachable.getMessage());
        assertFalse(trace(unreachable).contains("password=hunter2"), trace(unreachable));
    }

    @Test
    @DisplayName("F-LINK-11 the builder refuses a missing data source or key, a key of the wrong size and an unsafe prefix")
    void builderValidation() {
        DataSource ds = db.dataSource();
        List<Runnable> wrong = List.of(
                () -> JdbcStores.builder().encryptionKey(TestDb.KEY).build(),
                () -> JdbcStores.builder().dataSource(ds).build(),
                () -> JdbcStores.builder().encryptionKey(new byte[16]),
                () -> JdbcStores.builder().encryptionKey(new byte[33]),
                () -> JdbcStores.builder().encryptionKey(null),
                () -> JdbcStores.builder().encryptionKey(0, TestDb.KEY),
                () -> JdbcStores.builder().encryptionKey(256, TestDb.KEY),
                () -> JdbcStores.builder().decryptionKey(-1, TestDb.KEY),
                () -> JdbcStores.builder().tablePrefix("Sferum_"),
                () -> JdbcStores.builder().tablePrefix("1sferum"),
                () -> JdbcStores.builder().tablePrefix("x; DROP TABLE users; --"),
                () -> JdbcStores.builder().tablePrefix(""),
                () -> JdbcStores.builder().tablePrefix("a".repeat(41)));
        for (Runnable attempt : wrong) {
            ValidationException e = assertThrows(ValidationException.class, attempt::run);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        }
    }

    private static void assertNoSecret(Throwable e) {
        String trace = trace(e);
        for (String secret : List.of(ACCESS, REFRESH, VERIFIER, NONCE, STATE)) {
            assertFalse(trace.contains(secret), "the failure names a secret");
        }
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** A data source whose database cannot be reached, with a driver message that quotes a secret. */
    private static final class FailingDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused to jdbc:x://db?password=hunter2", "08001", 17);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
