package org.sferum.sdk.calls;

/** Where a join left the user (F-CALL-03, F-CALL-07). */
public enum JoinStatus {
    /** In the call. */
    IN_CALL,
    /** In the waiting room, until the organiser admits them. */
    WAITING
}
