package org.sferum.sdk.testkit.calls;

/** Where an anonymous guest stands in a call. */
public enum GuestStatus {
    /** In the waiting room. */
    WAITING,
    /** In the call. */
    IN_CALL,
    /** Turned away from the waiting room. */
    REJECTED,
    /** Removed by the organiser. */
    REMOVED,
    /** Left the call. */
    LEFT,
    /** The call ended for everyone. */
    CALL_ENDED
}
