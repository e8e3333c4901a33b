package org.sferum.sdk.core;

import java.util.regex.Pattern;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * The school system's key for the Sferum partner contract ({@code docs/backends.md}): sent with every partner
 * method in the {@code X-Sferum-Partner-Key} header <b>[choice]</b>, never in a URL, a log or an exception.
 */
public final class PartnerCredentials {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{8,512}");

    private final String key;

    private PartnerCredentials(String key) {
        this.key = key;
    }

    /**
     * Wraps a partner key.
     *
     * @param key the key the partner contract issued: 8 to 512 printable ASCII characters without spaces
     * @return the credentials
     * @throws org.sferum.sdk.error.ValidationException if the key is malformed (the message does not quote it)
     */
    public static PartnerCredentials of(String key) {
        Checks.notNull(key, "partner key");
        Checks.require(KEY.matcher(key).matches(), ErrorCode.INVALID_ARGUMENT,
                "the partner key must be 8 to 512 printable ASCII characters without spaces");
        return new PartnerCredentials(key);
    }

    /**
     * Returns the key, to put in the header. Do not log it.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerCredentials that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "PartnerCredentials[redacted]";
    }
}
