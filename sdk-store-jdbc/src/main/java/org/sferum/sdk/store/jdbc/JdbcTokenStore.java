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
        for (int attempt = 1; attempt <= PUT_ATTEMPTS; attempt++) {
            boolean retry = attempt < PUT_ATTEMPTS;
            boolean stored = db.inTransaction("storing tokens", connection -> {
                try {
                    return upsert(connection, account, set, access, refresh);
                } catch (SQLException e) {
                    if (Db.isUniqueViolation(e) || (Db.isLostRace(e) && retry)) {
                        // Another node inserted this account's row first, or (at a strict isolation level) wrote
                        // it concurrently: run the update again.
                        connection.rollback();
                        return false;
                    }
                    throw e;
                }
            });
            if (stored) {
                return;
            }
            Db.backOff(attempt);
        }
        throw new ServiceException(ErrorCode.SERVICE_UNAVAILABLE, "the tokens could not be stored: the account's row "
                + "kept being written concurrently; try again");
    }

    private boolean upsert(Connection connection, SchoolAccountId account, TokenSet set, String access,
                           String refresh) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tokens + " SET "
                + "access_token = ?, refresh_token = ?, device_id = ?, expires_at_s = ?, expires_at_ns = ? "
                + "WHERE account_id = ?")) {
            update.setString(1, access);
            update.setString(2, refresh);
            update.setString(3, set.deviceId());
            update.setLong(4, set.expiresAt().getEpochSecond());
            update.setInt(5, set.expiresAt().getNano());
            update.setString(6, account.value());
            if (update.executeUpdate() > 0) {
                return true;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tokens + " (account_id, "
                + "access_token, refresh_token, device_id, expires_at_s, expires_at_ns) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, account.value());
            insert.setString(2, access);
            insert.setString(3, refresh);
            insert.setString(4, set.deviceId());
            insert.setLong(5, set.expiresAt().getEpochSecond());
            insert.setInt(6, set.expiresAt().getNano());
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
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    String access = sealer.open(rows.getString(1), "access token", context("access_token", account));
                    String refresh = sealer.open(rows.getString(2), "refresh token",
                            context("refresh_token", account));
                    return Optional.of(new TokenSet(AccessToken.of(access), refresh, rows.getString(3),
                            Db.instant(rows.getLong(4), rows.getInt(5))));
                }
            }
        });
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

    private static String[] context(String column, SchoolAccountId account) {
        return new String[] {"tokens", column, account.value()};
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[table " + tokens + "]";
    }
}
