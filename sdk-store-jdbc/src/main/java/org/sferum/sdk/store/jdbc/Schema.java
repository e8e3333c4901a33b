package org.sferum.sdk.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates and migrates the stores' tables, and checks the configured keys against the database. Every step is
 * idempotent ({@code CREATE … IF NOT EXISTS}, a version row inserted once), so several nodes may start together:
 * a step that loses a race with another node's identical step is simply run again.
 */
final class Schema {
    /** The schema version this code writes and reads. */
    static final int VERSION = 1;

    private static final int ATTEMPTS = 10;
    private static final String CHECK_PLAINTEXT = "sferum-jdbc-store key check";
    /**
     * SQLStates a concurrent creator of the same tables can cause: a unique violation (PostgreSQL's catalog
     * {@code pg_type} when two sessions create one table), duplicate table or object, serialization failure,
     * deadlock; on H2 a lock timeout, a concurrent update, and the general error it raises when two sessions run
     * one {@code CREATE INDEX IF NOT EXISTS} together. A failure that persists still fails after the attempts.
     */
    private static final Set<String> RACE_STATES = Set.of("23505", "42P07", "42710", "42S01", "40001", "40P01",
            "HYT00", "90131", "HY000");

    private final Db db;

    Schema(Db db) {
        this.db = db;
    }

    /** The statements of each version, in order. */
    private List<List<String>> migrations() {
        String links = db.table("links");
        String pending = db.table("pending_links");
        String tokens = db.table("tokens");
        String keys = db.table("key_check");
        return List.of(List.of(
                "CREATE TABLE IF NOT EXISTS " + keys + " ("
                        + "key_id INTEGER NOT NULL PRIMARY KEY, "
                        + "check_value VARCHAR(200) NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + links + " ("
                        + "account_id VARCHAR(128) NOT NULL, "
                        + "user_id BIGINT NOT NULL, "
                        + "role VARCHAR(16) NOT NULL, "
                        + "linked_at_s BIGINT NOT NULL, "
                        + "linked_at_ns INTEGER NOT NULL, "
                        + "CONSTRAINT " + links + "_pk PRIMARY KEY (account_id), "
                        + "CONSTRAINT " + links + "_user_uq UNIQUE (user_id))",
                "CREATE TABLE IF NOT EXISTS " + pending + " ("
                        + "state_hash VARCHAR(64) NOT NULL, "
                        + "account_id VARCHAR(128) NOT NULL, "
                        + "role VARCHAR(16) NOT NULL, "
                        + "code_verifier VARCHAR NOT NULL, "
                        + "nonce VARCHAR NOT NULL, "
                        + "created_at_s BIGINT NOT NULL, "
                        + "created_at_ns INTEGER NOT NULL, "
                        + "CONSTRAINT " + pending + "_pk PRIMARY KEY (state_hash))",
                "CREATE INDEX IF NOT EXISTS " + pending + "_created_ix ON " + pending + " (created_at_s)",
                "CREATE TABLE IF NOT EXISTS " + tokens + " ("
                        + "account_id VARCHAR(128) NOT NULL, "
                        + "access_token VARCHAR NOT NULL, "
                        + "refresh_token VARCHAR NOT NULL, "
                        + "device_id VARCHAR NOT NULL, "
                        + "expires_at_s BIGINT NOT NULL, "
                        + "expires_at_ns INTEGER NOT NULL, "
                        + "CONSTRAINT " + tokens + "_pk PRIMARY KEY (account_id))"));
    }

    /**
     * Brings the tables to {@link #VERSION}, retrying a step that raced with another node.
     *
     * @return the version the database is at afterwards (higher than {@link #VERSION} if a newer SDK migrated it)
     */
    int migrate() {
        for (int attempt = 1; ; attempt++) {
            try {
                int[] version = new int[1];
                db.autoCommitted("migrating the schema", connection -> {
                    version[0] = migrateOnce(connection);
                    return null;
                });
                return version[0];
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !RACE_STATES.contains(e.getSQLState())) {
                    throw Db.failure("creating or migrating its tables", e);
                }
                pause(attempt);
            }
        }
    }

    private int migrateOnce(Connection connection) throws SQLException {
        String versions = db.table("schema_version");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + versions + " ("
                    + "version INTEGER NOT NULL PRIMARY KEY, "
                    + "applied_at_ms BIGINT NOT NULL)");
        }
        int current = currentVersion(connection, versions);
        List<List<String>> steps = migrations();
        for (int version = current + 1; version <= steps.size(); version++) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : steps.get(version - 1)) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + versions + " (version, applied_at_ms) VALUES (?, ?)")) {
                insert.setInt(1, version);
                insert.setLong(2, System.currentTimeMillis());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!Db.isUniqueViolation(e)) {
                    throw e;
                }
                // Another node recorded this version first: its statements and ours were the same.
            }
        }
        return Math.max(current, steps.size());
    }

    private static int currentVersion(Connection connection, String versions) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + versions)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /**
     * Checks every configured key against the check value stored for its id, and stores one for the current key
     * the first time it is used. A wrong key thus fails when the stores are built, not at the first read.
     *
     * @param sealer the keys
     * @throws EncryptionKeyMismatchException when a key does not match its stored check value
     */
    void checkKeys(Sealer sealer) {
        String keys = db.table("key_check");
        for (int keyId : sealer.keyIds()) {
            for (int attempt = 1; ; attempt++) {
                String stored = db.inTransaction("checking the encryption keys", connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            "SELECT check_value FROM " + keys + " WHERE key_id = ?")) {
                        select.setInt(1, keyId);
                        try (ResultSet rows = select.executeQuery()) {
                            return rows.next() ? rows.getString(1) : null;
                        }
                    }
                });
                if (stored != null) {
                    verify(sealer, keyId, stored);
                    break;
                }
                if (keyId != sealer.currentKeyId()) {
                    break; // an older key never used as the current one in this database: nothing to check it with
                }
                boolean mayRetry = attempt < ATTEMPTS;
                boolean inserted = db.inTransaction("recording the encryption key check", connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO " + keys + " (key_id, check_value) VALUES (?, ?)")) {
                        insert.setInt(1, keyId);
                        insert.setString(2, sealer.seal(CHECK_PLAINTEXT, "key_check", Integer.toString(keyId)));
                        insert.executeUpdate();
                        return true;
                    } catch (SQLException e) {
                        if (Db.isUniqueViolation(e) && mayRetry) {
                            connection.rollback();
                            return false; // another node recorded it first: read and verify theirs
                        }
                        throw e;
                    }
                });
                if (inserted) {
                    break;
                }
            }
        }
    }

    private void verify(Sealer sealer, int keyId, String stored) {
        String mismatch = "the encryption key configured for key id " + keyId + " does not match the key the "
                + "tables with prefix '" + db.prefix() + "' were set up with; configure the key they were written "
                + "with (a new key needs a new key id, with the old key kept as a decryption key)";
        String opened;
        try {
            opened = sealer.open(stored, "key check", "key_check", Integer.toString(keyId));
        } catch (EncryptionKeyMismatchException e) {
            throw new EncryptionKeyMismatchException(mismatch);
        }
        if (!CHECK_PLAINTEXT.equals(opened)) {
            throw new EncryptionKeyMismatchException(mismatch);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt + 11));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
