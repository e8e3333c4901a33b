/**
 * {@link org.sferum.sdk.spi.LinkStore} and {@link org.sferum.sdk.spi.TokenStore} on a plain
 * {@link javax.sql.DataSource} (H2 and PostgreSQL are tested), for a school system that runs on several nodes.
 * Build both with {@link org.sferum.sdk.store.jdbc.JdbcStores#builder()} and set them on the client's builder:
 * they are not registered for {@link java.util.ServiceLoader}, because they need the embedder's
 * {@code DataSource} and encryption key.
 */
package org.sferum.sdk.store.jdbc;
