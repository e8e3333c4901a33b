package org.sferum.sdk.calls;

/** On whose behalf a recording is made and published (F-CALL-10). */
public enum RecordingAuthor {
    /** The user who records it. */
    SELF,
    /** The organisation (the school) the call belongs to. */
    SCHOOL
}
