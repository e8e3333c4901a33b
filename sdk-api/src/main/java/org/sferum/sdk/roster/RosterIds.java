package org.sferum.sdk.roster;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/** The one check of the school system's ids used in the roster. */
final class RosterIds {
    /** Longest accepted id, as for school accounts. */
    static final int MAX_LENGTH = 128;

    private RosterIds() {
    }

    static String check(String id, String what) {
        Checks.notNull(id, what);
        Checks.require(!id.isBlank() && id.length() <= MAX_LENGTH && id.chars().noneMatch(Character::isISOControl)
                        && id.indexOf('/') < 0,
                ErrorCode.INVALID_ARGUMENT,
                what + " must be 1 to " + MAX_LENGTH + " printable characters without '/'");
        return id;
    }

    static String name(String value, String what) {
        Checks.notNull(value, what);
        Checks.require(!value.isBlank() && value.codePointCount(0, value.length()) <= 256
                        && value.chars().noneMatch(Character::isISOControl),
                ErrorCode.INVALID_ARGUMENT, what + " must be 1 to 256 characters without control characters");
        return value;
    }
}
