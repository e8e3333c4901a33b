package org.sferum.sdk.calls;

import org.sferum.sdk.internal.Checks;

/**
 * An id and a password to join a call without its link (VK's {@code short_credentials}).
 *
 * @param id the short numeric id
 * @param password the password
 */
public record ShortCredentials(String id, String password) {
    /**
     * Validates the fields.
     *
     * @param id the short numeric id
     * @param password the password
     */
    public ShortCredentials {
        Checks.notNull(id, "short id");
        Checks.notNull(password, "password");
    }

    @Override
    public String toString() {
        return "ShortCredentials[id=" + id + ", password=***]";
    }
}
