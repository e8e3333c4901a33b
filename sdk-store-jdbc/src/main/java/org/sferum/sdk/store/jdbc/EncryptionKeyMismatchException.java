package org.sferum.sdk.store.jdbc;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;

/**
 * Thrown when stored secrets cannot be decrypted with the configured keys: the encryption key given to
 * {@link JdbcStores.Builder} is not the one the tables were written with, a key id found in the data is not
 * configured, or a value was altered or copied from another row. Raised when the stores are built (each configured
 * key is checked against the database) and when a value is read. Its {@link #code() code} is
 * {@link ErrorCode#MALFORMED_RESPONSE} (category {@code SERVICE}, not retryable): retrying does not help, fixing
 * the configuration does. The message names the key id, never a key or a value.
 */
public class EncryptionKeyMismatchException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what does not match and what to do
     */
    public EncryptionKeyMismatchException(String message) {
        super(ErrorCode.MALFORMED_RESPONSE, message, null, null, null);
    }
}
