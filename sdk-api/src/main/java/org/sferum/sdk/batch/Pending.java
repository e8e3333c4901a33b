package org.sferum.sdk.batch;

/**
 * The result of one call queued in a {@link Batch}: available once the batch has been
 * {@link Batch#execute() executed}. Each call has its own outcome: a failing call fails only its own
 * {@code Pending}. Thread-safe.
 *
 * @param <T> what the call returns ({@link Void} for a call that returns nothing)
 */
public interface Pending<T> {

    /**
     * Returns the call's result, or throws the call's own error.
     *
     * @return the result ({@code null} for a call that returns nothing)
     * @throws org.sferum.sdk.error.SferumException the error of this call alone, of the class and code a direct
     *     call would have thrown (an {@link org.sferum.sdk.error.OutcomeUnknownException} for a change whose
     *     outcome is unknown)
     * @throws IllegalStateException if the batch has not been executed yet
     */
    T get();

    /**
     * Tells whether the call's outcome is known: the batch was executed.
     *
     * @return whether {@link #get()} returns or throws the call's outcome
     */
    boolean isDone();
}
