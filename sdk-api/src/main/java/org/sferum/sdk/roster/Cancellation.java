package org.sferum.sdk.roster;

/**
 * Lets another thread stop an apply. The apply finishes the change in hand, stops, and reports the rest as
 * skipped with {@link ApplyResult#cancelled()} set; nothing is left half made. Thread-safe.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    /** Creates a token that is not cancelled. */
    public Cancellation() {
    }

    /** Asks the apply to stop. Idempotent. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Tells whether {@link #cancel()} was called.
     *
     * @return whether the apply should stop
     */
    public boolean isCancelled() {
        return cancelled;
    }
}
