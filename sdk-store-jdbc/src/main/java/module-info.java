/**
 * {@link org.sferum.sdk.spi.LinkStore} and {@link org.sferum.sdk.spi.TokenStore} on a plain
 * {@link javax.sql.DataSource}, for school systems that run on several nodes: see
 * {@link org.sferum.sdk.store.jdbc.JdbcStores}. Tokens and the secrets of pending linkings are encrypted at rest
 * with AES-256-GCM under a key the embedder supplies.
 */
module org.sferum.sdk.store.jdbc {
    requires transitive org.sferum.sdk.api;
    requires transitive java.sql;

    exports org.sferum.sdk.store.jdbc;
}
