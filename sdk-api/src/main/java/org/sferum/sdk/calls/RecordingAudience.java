package org.sferum.sdk.calls;

/**
 * Who may watch a recording (F-CALL-10). Whatever the audience, only users with an educational profile ever get
 * a recording's link; anonymous guests never do.
 */
public enum RecordingAudience {
    /** Only the user who recorded it. */
    ONLY_ME,
    /** Everyone who took part in the call, and the members of its chats. */
    PARTICIPANTS,
    /** Anyone with an educational profile who has the link. */
    EDUCATIONAL_PROFILES
}
