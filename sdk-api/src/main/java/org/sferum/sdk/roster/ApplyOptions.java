package org.sferum.sdk.roster;

import org.sferum.sdk.internal.Checks;

/**
 * How to apply a plan.
 *
 * @param progress told how far the apply has come
 * @param cancellation lets another thread stop the apply
 * @param dryRun go through the plan without changing the platform (every change counts as skipped)
 */
public record ApplyOptions(ProgressListener progress, Cancellation cancellation, boolean dryRun) {
    /**
     * Validates the fields.
     *
     * @param progress the listener
     * @param cancellation the cancellation token
     * @param dryRun whether to change nothing
     */
    public ApplyOptions {
        Checks.notNull(progress, "progress listener");
        Checks.notNull(cancellation, "cancellation");
    }

    /**
     * The defaults: no listener, never cancelled, changes applied.
     *
     * @return the options
     */
    public static ApplyOptions defaults() {
        return new ApplyOptions(ProgressListener.none(), new Cancellation(), false);
    }

    /**
     * Returns a copy with a progress listener.
     *
     * @param listener the listener
     * @return the new options
     */
    public ApplyOptions withProgress(ProgressListener listener) {
        return new ApplyOptions(listener, cancellation, dryRun);
    }

    /**
     * Returns a copy with a cancellation token.
     *
     * @param token the token
     * @return the new options
     */
    public ApplyOptions withCancellation(Cancellation token) {
        return new ApplyOptions(progress, token, dryRun);
    }

    /**
     * Returns a copy that changes nothing, or does.
     *
     * @param dry whether to change nothing
     * @return the new options
     */
    public ApplyOptions withDryRun(boolean dry) {
        return new ApplyOptions(progress, cancellation, dry);
    }
}
