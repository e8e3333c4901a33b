package org.sferum.sdk.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.PendingLink;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * A {@link LinkStore} in two tables of a database that every node of the school system shares:
 * {@code <prefix>links} (primary key on the account, unique constraint on the profile, so the database itself
 * refuses a second link atomically, whichever node tries) and {@code <prefix>pending_links} (keyed by the SHA-256
 * of the state; the PKCE code verifier and the nonce encrypted with AES-256-GCM). Thread-safe; each call takes one
 * connection from the {@link javax.sql.DataSource} and returns it.
 *
 * <p>Obtain it from {@link JdbcStores#linkStore()} and set it on the client's builder: it is not registered for
 * {@link java.util.ServiceLoader}, because it needs the embedder's {@code DataSource} and key. Database failures
 * are thrown as {@link ServiceException} with {@link ErrorCode#SERVICE_UNAVAILABLE} and the SQLState, never with
 * stored values.
 */
public final class JdbcLinkStore implements LinkStore {
    private static final int INSERT_ATTEMPTS = 10;
    /** SQLStates of a delete that lost to a concurrent delete: serialization failure, H2's concurrent update. */
    private static final Set<String> TAKEN_CONCURRENTLY = Set.of("40001", "90131");

    private final Db db;
    private final Sealer sealer;
    private final String links;
    private final String pending;

    JdbcLinkStore(Db db, Sealer sealer) {
        this.db = db;
        this.sealer = sealer;
        this.links = db.table("links");
        this.pending = db.table("pending_links");
    }

    /**
     * Stores a new link. The database's constraints decide atomically between concurrent callers on any node; the
     * loser gets the {@link ConflictException} of the row that exists.
     *
     * @param link the link
     * @throws ConflictException with {@link ErrorCode#ACCOUNT_ALREADY_LINKED} if the account is linked, or
     *     {@link ErrorCode#PROFILE_ALREADY_LINKED} if the profile is linked to another account; nothing is changed
     */
    @Override
    public void insert(Link link) {
        Objects.requireNonNull(link, "link");
        for (int attempt = 1; attempt <= INSERT_ATTEMPTS; attempt++) {
            boolean inserted = db.insertIfAbsent("inserting a link", "INSERT INTO " + links
                    + " (account_id, user_id, role, linked_at_s, linked_at_ns) VALUES (?, ?, ?, ?, ?)", insert -> {
                        insert.setString(1, link.account().value());
                        insert.setLong(2, link.user().value());
                        insert.setString(3, link.role().name());
                        insert.setLong(4, link.linkedAt().getEpochSecond());
                        insert.setInt(5, link.linkedAt().getNano());
                    });
            if (inserted) {
                return;
            }
            // Which constraint refused it? Ask for the rows rather than parse the driver's message. (At a strict
            // isolation level a concurrent insert may be reported as a serialization failure instead: same check.)
            if (findByAccount(link.account()).isPresent()) {
                throw accountLinked(link.account());
            }
            if (findByUser(link.user()).isPresent()) {
                throw profileLinked();
            }
            // The conflicting link was deleted in between, or the race was lost to a transaction that rolled back.
            Db.backOff(attempt);
        }
        throw new ConflictException(ErrorCode.CONFLICT, "the link could not be stored: other links of this account "
                + "or profile kept changing; try again");
    }

    private static ConflictException accountLinked(SchoolAccountId account) {
        return new ConflictException(ErrorCode.ACCOUNT_ALREADY_LINKED, "school account " + account.value()
                + " is already linked; unlink it before linking again");
    }

    private static ConflictException profileLinked() {
        return new ConflictException(ErrorCode.PROFILE_ALREADY_LINKED, "this educational profile is already "
                + "linked to another account of this school system; unlink that account first");
    }

    /**
     * Finds the link of a school account.
     *
     * @param account the account
     * @return the link, if any
     */
    @Override
    public Optional<Link> findByAccount(SchoolAccountId account) {
        Objects.requireNonNull(account, "account");
        return findLink("finding a link by account", "account_id = ?",
                statement -> statement.setString(1, account.value()));
    }

    /**
     * Finds the link of an educational profile.
     *
     * @param user the profile's user id
     * @return the link, if any
     */
    @Override
    public Optional<Link> findByUser(UserId user) {
        Objects.requireNonNull(user, "user");
        return findLink("finding a link by profile", "user_id = ?", statement -> statement.setLong(1, user.value()));
    }

    private Optional<Link> findLink(String what, String where, Db.Parameters parameters) {
        return db.inTransaction(what, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id, user_id, role, "
                    + "linked_at_s, linked_at_ns FROM " + links + " WHERE " + where)) {
                parameters.set(select);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Link(SchoolAccountId.of(rows.getString(1)), UserId.of(rows.getLong(2)),
                            role(rows.getString(3)), Db.instant(rows.getLong(4), rows.getInt(5))));
                }
            }
        });
    }

    /**
     * Removes the link of a school account.
     *
     * @param account the account
     * @return whether a link was removed
     */
    @Override
    public boolean delete(SchoolAccountId account) {
        Objects.requireNonNull(account, "account");
        return db.inTransaction("deleting a link", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + links + " WHERE account_id = ?")) {
                delete.setString(1, account.value());
                return delete.executeUpdate() > 0;
            }
        });
    }

    /**
     * Keeps a started linking until its callback arrives, on whichever node it arrives. The code verifier and the
     * nonce are stored encrypted; the state is stored only as its SHA-256.
     *
     * @param link the pending linking
     * @throws ConflictException with {@link ErrorCode#CONFLICT} when a linking with the same state is pending
     */
    @Override
    public void savePending(PendingLink link) {
        Objects.requireNonNull(link, "pending link");
        String hash = hash(link.state());
        for (int attempt = 1; attempt <= INSERT_ATTEMPTS; attempt++) {
            if (insertPending(link, hash)) {
                return;
            }
            if (pendingExists(hash)) {
                throw new ConflictException(ErrorCode.CONFLICT, "a linking with this state is already pending");
            }
            Db.backOff(attempt); // the other one was taken in between, or its transaction rolled back
        }
        throw new ConflictException(ErrorCode.CONFLICT, "a linking with this state kept being saved and taken "
                + "concurrently; start the linking again");
    }

    private boolean insertPending(PendingLink link, String hash) {
        return db.insertIfAbsent("saving a pending linking", "INSERT INTO " + pending
                + " (state_hash, account_id, role, code_verifier, nonce, created_at_s, created_at_ns)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", insert -> {
                    insert.setString(1, hash);
                    insert.setString(2, link.account().value());
                    insert.setString(3, link.role().name());
                    insert.setString(4, sealer.seal(link.codeVerifier(), context("code_verifier", link)));
                    insert.setString(5, sealer.seal(link.nonce(), context("nonce", link)));
                    insert.setLong(6, link.createdAt().getEpochSecond());
                    insert.setInt(7, link.createdAt().getNano());
                });
    }

    private boolean pendingExists(String hash) {
        return db.inTransaction("checking a pending linking", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM " + pending + " WHERE state_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /**
     * Takes the pending linking of a state: reads it and deletes it in one transaction, and returns it only if this
     * caller's delete removed the row, so that of concurrent callers on any nodes exactly one gets it.
     *
     * @param state the callback's {@code state}
     * @return the pending linking, or empty when there is none (never started, already taken, purged)
     * @throws EncryptionKeyMismatchException when its secrets cannot be decrypted (the row is then kept)
     */
    @Override
    public Optional<PendingLink> takePending(String state) {
        Objects.requireNonNull(state, "state");
        String hash = hash(state);
        return db.inTransaction("taking a pending linking", connection -> {
            PendingLink found;
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id, role, code_verifier, "
                    + "nonce, created_at_s, created_at_ns FROM " + pending + " WHERE state_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    SchoolAccountId account = SchoolAccountId.of(rows.getString(1));
                    Role role = role(rows.getString(2));
                    String sealedVerifier = rows.getString(3);
                    String sealedNonce = rows.getString(4);
                    Instant createdAt = Db.instant(rows.getLong(5), rows.getInt(6));
                    String[] verifierContext = context("code_verifier", state, account);
                    String[] nonceContext = context("nonce", state, account);
                    found = new PendingLink(state, account, role,
                            sealer.open(sealedVerifier, "code verifier of a pending linking", verifierContext),
                            sealer.open(sealedNonce, "nonce of a pending linking", nonceContext), createdAt);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + pending + " WHERE state_hash = ?")) {
                delete.setString(1, hash);
                return delete.executeUpdate() == 1 ? Optional.of(found) : Optional.<PendingLink>empty();
            } catch (SQLException e) {
                if (TAKEN_CONCURRENTLY.contains(e.getSQLState())) {
                    // Under REPEATABLE READ or SERIALIZABLE (or H2's row check) a concurrent taker that deleted the
                    // row first makes this delete fail instead of removing nothing: the linking is not ours.
                    connection.rollback();
                    return Optional.<PendingLink>empty();
                }
                throw e;
            }
        });
    }

    /**
     * Deletes the pending linkings started before an instant: those whose callback never came. The SPI has no
     * expiry of its own, so call this now and then (for example every hour, with the time an authorization may
     * take, such as ten minutes, before now); a callback that comes later finds no pending linking and fails with
     * {@code STATE_MISMATCH}.
     *
     * @param cutoff linkings started strictly before it are deleted
     * @return how many were deleted
     */
    public int purgePendingStartedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return db.inTransaction("purging old pending linkings", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + pending
                    + " WHERE created_at_s < ? OR (created_at_s = ? AND created_at_ns < ?)")) {
                delete.setLong(1, cutoff.getEpochSecond());
                delete.setLong(2, cutoff.getEpochSecond());
                delete.setInt(3, cutoff.getNano());
                return delete.executeUpdate();
            }
        });
    }

    private static String[] context(String column, PendingLink link) {
        return context(column, link.state(), link.account());
    }

    private static String[] context(String column, String state, SchoolAccountId account) {
        return new String[] {"pending_links", column, state, account.value()};
    }

    static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ServiceException(ErrorCode.MALFORMED_RESPONSE, "a stored link has a role this SDK does not "
                    + "know; was it written by a newer version?");
        }
    }

    /** The key of a pending linking: the hex SHA-256 of its state, so the table never holds a usable state. */
    static String hash(String state) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcLinkStore[tables " + links + ", " + pending + "]";
    }
}
