package org.sferum.sdk.testkit.engine;

import java.io.InputStream;

/**
 * Stored bytes opened for streaming (an attached photo or file being served): how many there are and a stream of
 * them, which the caller must close.
 *
 * @param size the number of bytes
 * @param content the bytes, to be read once and closed
 */
public record StoredContent(long size, InputStream content) {
}
