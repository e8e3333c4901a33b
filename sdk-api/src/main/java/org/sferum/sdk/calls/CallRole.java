package org.sferum.sdk.calls;

/** A participant's rights in a call (F-CALL-03, F-CALL-09). */
public enum CallRole {
    /** Started or created the call: its administrator; mutes, removes, admits, records, ends it for everyone. */
    ORGANISER,
    /** Appointed by the organiser: the same rights but appointing others. */
    ADMIN,
    /** Takes part. */
    PARTICIPANT
}
