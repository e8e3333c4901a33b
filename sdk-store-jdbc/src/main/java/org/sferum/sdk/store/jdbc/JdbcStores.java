package org.sferum.sdk.store.jdbc;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;

/**
 * The JDBC {@link org.sferum.sdk.spi.LinkStore} and {@link org.sferum.sdk.spi.TokenStore}, built together on one
 * {@link DataSource} and one encryption key, for a school system whose nodes share a database (F-LINK-11):
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder()
 *         .dataSource(pooledDataSource)          // H2 or PostgreSQL; a pool is recommended
 *         .encryptionKey(key32Bytes)             // AES-256: 32 bytes from the embedder's secret store
 *         .tablePrefix("sferum_")                // the default
 *         .build();                              // creates or migrates the tables, checks the key
 * // then give stores.linkStore() and stores.tokenStore() to the client's builder
 * }</pre>
 *
 * <p>{@link Builder#build()} creates the tables {@code <prefix>schema_version}, {@code <prefix>key_check},
 * {@code <prefix>links}, {@code <prefix>pending_links} and {@code <prefix>tokens} in the connection's default schema
 * if they are missing, or migrates them to this version; several nodes may do so at the same time. It then checks
 * every configured key against a check value kept in {@code <prefix>key_check}, so a wrong key fails at start with
 * {@link EncryptionKeyMismatchException} rather than at the first read.
 *
 * <p>Keys have an id (1 to 255) that every encrypted value carries in its first byte. To rotate: give the new key
 * under a new id with {@link Builder#encryptionKey(int, byte[])} and keep the old one with
 * {@link Builder#decryptionKey(int, byte[])}; values are written with the new key from then on, and old values stay
 * readable until they are written again.
 *
 * <p>These stores are not registered for {@link java.util.ServiceLoader}: they need the embedder's
 * {@code DataSource} and key, so build them here and set them on the client's builder.
 */
public final class JdbcStores {
    /** The prefix of the table names unless {@link Builder#tablePrefix(String)} sets another. */
    public static final String DEFAULT_TABLE_PREFIX = "sferum_";
    /** The key id {@link Builder#encryptionKey(byte[])} uses. */
    public static final int DEFAULT_KEY_ID = 1;
    /** The schema version this code creates and reads. */
    public static final int SCHEMA_VERSION = Schema.VERSION;

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final JdbcLinkStore linkStore;
    private final JdbcTokenStore tokenStore;
    private final int schemaVersion;

    private JdbcStores(JdbcLinkStore linkStore, JdbcTokenStore tokenStore, int schemaVersion) {
        this.linkStore = linkStore;
        this.tokenStore = tokenStore;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Starts building the stores.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the link store: links and pending linkings.
     *
     * @return the link store
     */
    public JdbcLinkStore linkStore() {
        return linkStore;
    }

    /**
     * Returns the token store.
     *
     * @return the token store
     */
    public JdbcTokenStore tokenStore() {
        return tokenStore;
    }

    /**
     * Returns the schema version the database was found at or migrated to when these stores were built: at least
     * {@link #SCHEMA_VERSION}, higher if a newer SDK migrated it (migrations only add, so this code keeps working).
     *
     * @return the schema version
     */
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public String toString() {
        return "JdbcStores[" + linkStore + ", " + tokenStore + ", schema version " + schemaVersion + "]";
    }

    /** Builds {@link JdbcStores}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private DataSource dataSource;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private int currentKeyId;
        private final Map<Integer, byte[]> keys = new TreeMap<>();

        private Builder() {
        }

        /**
         * Sets the database. Each store call takes one connection and closes it, so give a pooled
         * {@code DataSource}. Its connections' default schema is where the tables go.
         *
         * @param dataSource the data source
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Sets the key that encrypts tokens and the secrets of pending linkings, under key id
         * {@link #DEFAULT_KEY_ID}. Keep it in the embedder's secret store; every node needs the same key.
         *
         * @param key the AES-256 key: 32 bytes (copied)
         * @return this builder
         */
        public Builder encryptionKey(byte[] key) {
            return encryptionKey(DEFAULT_KEY_ID, key);
        }

        /**
         * Sets the key that encrypts new values, under an id of its own (for rotation). Values already written under
         * other ids are read with the keys given to {@link #decryptionKey(int, byte[])}.
         *
         * @param keyId the key's id, 1 to 255, stored with every value it encrypts
         * @param key the AES-256 key: 32 bytes (copied)
         * @return this builder
         */
        public Builder encryptionKey(int keyId, byte[] key) {
            putKey(keyId, key);
            this.currentKeyId = keyId;
            return this;
        }

        /**
         * Adds an older key, used only to read values written under its id.
         *
         * @param keyId the key's id, 1 to 255
         * @param key the AES-256 key: 32 bytes (copied)
         * @return this builder
         */
        public Builder decryptionKey(int keyId, byte[] key) {
            putKey(keyId, key);
            return this;
        }

        private void putKey(int keyId, byte[] key) {
            if (keyId < 1 || keyId > 255) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "a key id must be 1 to 255, got " + keyId);
            }
            if (key == null || key.length != Sealer.KEY_BYTES) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "an encryption key must be "
                        + Sealer.KEY_BYTES + " bytes (AES-256), got " + (key == null ? "null" : key.length + " bytes"));
            }
            byte[] old = keys.put(keyId, key.clone());
            if (old != null) {
                Arrays.fill(old, (byte) 0);
            }
        }

        /**
         * Sets the prefix of the table names, so several school systems (or tests) can share a schema.
         *
         * @param prefix 1 to 40 characters: a lower-case letter, then lower-case letters, digits or {@code _}
         * @return this builder
         */
        public Builder tablePrefix(String prefix) {
            if (prefix == null || !PREFIX.matcher(prefix).matches()) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "a table prefix must be 1 to 40 characters: "
                        + "a lower-case letter, then lower-case letters, digits or '_'");
            }
            this.tablePrefix = prefix;
            return this;
        }

        /**
         * Creates or migrates the tables, checks the keys against the database and returns the stores.
         *
         * @return the stores
         * @throws ValidationException with {@link ErrorCode#INVALID_ARGUMENT} when the data source or the
         *     encryption key is missing
         * @throws EncryptionKeyMismatchException when a configured key does not match the one the tables were
         *     written with
         * @throws org.sferum.sdk.error.ServiceException with {@link ErrorCode#SERVICE_UNAVAILABLE} when the
         *     database fails
         */
        public JdbcStores build() {
            if (dataSource == null) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "set a DataSource with dataSource(...)");
            }
            if (currentKeyId == 0) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                        "set the 32-byte encryption key with encryptionKey(...)");
            }
            Db db = new Db(dataSource, tablePrefix);
            Sealer sealer = new Sealer(currentKeyId, keys);
            Schema schema = new Schema(db);
            int version = schema.migrate();
            schema.checkKeys(sealer);
            return new JdbcStores(new JdbcLinkStore(db, sealer), new JdbcTokenStore(db, sealer), version);
        }
    }
}
