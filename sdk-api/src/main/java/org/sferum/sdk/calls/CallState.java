package org.sferum.sdk.calls;

/** Where a call is in its life (F-SECT-04: grey, blue, ended). */
public enum CallState {
    /** Created, not started: no join link yet (grey in the diary). */
    SCHEDULED,
    /** Running: the join link works (blue, «Подключиться»). */
    RUNNING,
    /** Ended for everyone. */
    ENDED
}
