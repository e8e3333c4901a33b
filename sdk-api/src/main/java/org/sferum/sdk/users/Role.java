package org.sferum.sdk.users;

/** The role a participant has in the school system, which the school system (not the SDK) decides. */
public enum Role {
    /** A teacher or other school staff. */
    TEACHER,
    /** A student. */
    STUDENT,
    /** A parent or legal guardian. */
    PARENT
}
