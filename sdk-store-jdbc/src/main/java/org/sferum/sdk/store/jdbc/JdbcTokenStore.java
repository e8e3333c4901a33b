package org.sferum.sdk.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * A {@link TokenStore} in the table {@code <prefix>tokens} of a database that every node of the school system
 * shares, one row per school account. The access token and the refresh token are encrypted with AES-256-GCM (a
 * random IV per value, the account id and the column as additional authenticated data, so a value cannot be moved
 * to another row); the device id and the expiry are stored in clear. Thread-safe; each call takes one connection
 * from the {@link javax.sql.DataSource} and returns it.
 *
 * <p>Obtain it from {@link JdbcStores#tokenStore()} and set it on the client's builder: it is not registered for
 * {@link java.util.ServiceLoader}, because it needs the embedder's {@code DataSource} and key. Database failures
 * are thrown as {@link ServiceException} with {@link ErrorCode#SERVICE_UNAVAILABLE} and the SQLState, never with
 * stored values; tokens that cannot be decrypted as {@link EncryptionKeyMismatchException}.
 */
public final class JdbcTokenStore implements TokenStore {
    private static final int PUT_ATTEMPTS = 20;

    private final Db db;
    private final Sealer sealer;
    private final String tokens;

    JdbcTokenStore(Db db, Sealer sealer) {
        this.db = db;
        this.sealer = sealer;
        this.tokens = db.table("tokens");
    }

    /**
     * Stores or replaces the tokens of an account, encrypted with the current key (so a put also moves a row
     * written under an older key to the current one).
     *
     * @param account the school account
     * @param set the tokens
     */
    @Override
    public void put(SchoolAccountId account, TokenSet set) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(set, "tokens");
        String access = sealer.seal(set.accessToken().secret(), context("access_token", account));
        String refresh = sealer.seal(set.refreshToken(), context("refresh_token", account));
        retrying("storing tokens", "stored", (connection, retry) -> {
            try {
                return upsert(connection, account, set, access, refresh);
            } catch (SQLException e) {
                if (Db.isUniqueViolation(e) || (Db.isLostRace(e) && retry)) {
                    // Another node inserted this account's row first, or (at a strict isolation level) wrote
                    // it concurrently: run the update again.
                    connection.rollback();
                    return null;
                }
                throw e;
            }
        });
    }

    /** One transaction's work that answers {@code null} when it lost a race and should run again. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run(Connection connection, boolean mayRetry) throws SQLException;
    }

    private <T> T retrying(String what, String done, Attempt<T> work) {
        for (int attempt = 1; attempt <= PUT_ATTEMPTS; attempt++) {
            boolean retry = attempt < PUT_ATTEMPTS;
            T result = db.inTransaction(what, connection -> work.run(connection, retry));
            if (result != null) {
                return result;
            }
            Db.backOff(attempt);
        }
        throw new ServiceException(ErrorCode.SERVICE_UNAVAILABLE, "the tokens could not be " + done + ": the "
                + "account's row kept being written concurrently; try again");
    }

    private Boolean upsert(Connection connection, SchoolAccountId account, TokenSet set, String access,
                           String refresh) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tokens + " SET "
                + "access_token = ?, refresh_token = ?, device_id = ?, expires_at_s = ?, expires_at_ns = ? "
                + "WHERE account_id = ?")) {
            bindValues(update, 1, access, refresh, set);
            update.setString(6, account.value());
            if (update.executeUpdate() > 0) {
                return true;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tokens + " (account_id, "
                + "access_token, refresh_token, device_id, expires_at_s, expires_at_ns) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, account.value());
            bindValues(insert, 2, access, refresh, set);
            insert.executeUpdate();
            return true;
        }
    }

    /**
     * Reads and decrypts the tokens of an account.
     *
     * @param account the school account
     * @return the tokens, if stored
     * @throws EncryptionKeyMismatchException when they cannot be decrypted with the configured keys
     */
    @Override
    public Optional<TokenSet> get(SchoolAccountId account) {
        Objects.requireNonNull(account, "account");
        return db.inTransaction("reading tokens", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT access_token, refresh_token, "
                    + "device_id, expires_at_s, expires_at_ns FROM " + tokens + " WHERE account_id = ?")) {
                select.setString(1, account.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows, account)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Compare-and-set, atomic across every node that shares the database: reads the row, decrypts it, and when it
     * equals {@code expected} updates it with a {@code WHERE} on the ciphertexts just read. Every write seals with a
     * fresh IV, so the ciphertexts change with every write and the update matches only if no other node wrote the
     * row in between; the database evaluates that condition on the row atomically. A lost race at a strict
     * isolation level is retried from the read.
     *
     * @param account the school account
     * @param expected the tokens the caller read
     * @param next the tokens to store instead
     * @return whether the tokens were replaced
     * @throws EncryptionKeyMismatchException when the stored tokens cannot be decrypted
     */
    @Override
    public boolean replace(SchoolAccountId account, TokenSet expected, TokenSet next) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        String access = sealer.seal(next.accessToken().secret(), context("access_token", account));
        String refresh = sealer.seal(next.refreshToken(), context("refresh_token", account));
        return retrying("replacing tokens", "replaced", (connection, retry) -> {
            try {
                return compareAndSet(connection, account, expected, next, access, refresh);
            } catch (SQLException e) {
                if (Db.isLostRace(e) && retry) {
                    connection.rollback();
                    return null;
                }
                throw e;
            }
        });
    }

    private Boolean compareAndSet(Connection connection, SchoolAccountId account, TokenSet expected, TokenSet next,
                                  String access, String refresh) throws SQLException {
        String sealedAccess;
        String sealedRefresh;
        try (PreparedStatement select = connection.prepareStatement("SELECT access_token, refresh_token, "
                + "device_id, expires_at_s, expires_at_ns FROM " + tokens + " WHERE account_id = ?")) {
            select.setString(1, account.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                sealedAccess = rows.getString(1);
                sealedRefresh = rows.getString(2);
                if (!read(rows, account).equals(expected)) {
                    return false;
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tokens + " SET "
                + "access_token = ?, refresh_token = ?, device_id = ?, expires_at_s = ?, expires_at_ns = ? "
                + "WHERE account_id = ? AND access_token = ? AND refresh_token = ?")) {
            bindValues(update, 1, access, refresh, next);
            update.setString(6, account.value());
            update.setString(7, sealedAccess);
            update.setString(8, sealedRefresh);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Forgets the tokens of an account.
     *
     * @param account the school account
     */
    @Override
    public void remove(SchoolAccountId account) {
        Objects.requireNonNull(account, "account");
        db.inTransaction("removing tokens", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + tokens + " WHERE account_id = ?")) {
                delete.setString(1, account.value());
                return delete.executeUpdate();
            }
        });
    }

    /** Binds access, refresh, device id and expiry to five parameters from {@code first} on. */
    private static void bindValues(PreparedStatement statement, int first, String access, String refresh,
                                   TokenSet set) throws SQLException {
        statement.setString(first, access);
        statement.setString(first + 1, refresh);
        statement.setString(first + 2, set.deviceId());
        statement.setLong(first + 3, set.expiresAt().getEpochSecond());
        statement.setInt(first + 4, set.expiresAt().getNano());
    }

    /** Decrypts the current row of a {@code SELECT access_token, refresh_token, device_id, expires_at_s, …}. */
    private TokenSet read(ResultSet rows, SchoolAccountId account) throws SQLException {
        String access = sealer.open(rows.getString(1), "access token", context("access_token", account));
        String refresh = sealer.open(rows.getString(2), "refresh token", context("refresh_token", account));
        return new TokenSet(AccessToken.of(access), refresh, rows.getString(3),
                Db.instant(rows.getLong(4), rows.getInt(5)));
    }

    private static String[] context(String column, SchoolAccountId account) {
        return new String[] {"tokens", column, account.value()};
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[table " + tokens + "]";
    }
}
