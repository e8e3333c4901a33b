package org.sferum.sdk.internal;

import org.sferum.sdk.batch.Pending;
import org.sferum.sdk.error.SferumException;

/**
 * A {@link Pending} the faces complete once: with a result or with the call's own error. Not part of the public API.
 *
 * @param <T> what the call returns
 */
public final class PendingCall<T> implements Pending<T> {
    private boolean done;
    private T value;
    private SferumException failure;

    /** Creates an incomplete call. */
    public PendingCall() {
    }

    /**
     * Completes the call with its result.
     *
     * @param result the result
     */
    public synchronized void complete(T result) {
        if (!done) {
            value = result;
            done = true;
        }
    }

    /**
     * Completes the call with its error.
     *
     * @param error the error, thrown by {@link #get()}
     */
    public synchronized void fail(SferumException error) {
        if (!done) {
            failure = Checks.notNull(error, "error");
            done = true;
        }
    }

    @Override
    public synchronized T get() {
        if (!done) {
            throw new IllegalStateException("the batch has not been executed yet; call execute() first");
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    @Override
    public synchronized boolean isDone() {
        return done;
    }

    @Override
    public synchronized String toString() {
        return "Pending[" + (!done ? "not executed" : failure != null ? "failed: " + failure.code() : "done") + "]";
    }
}
