package org.sferum.sdk.roster;

/** Told how far an apply has come; called from the applying thread, so it must return quickly. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Receives the progress, at most a few times a second and once at the end.
     *
     * @param progress the progress
     */
    void onProgress(ApplyProgress progress);

    /**
     * A listener that ignores progress.
     *
     * @return the listener
     */
    static ProgressListener none() {
        return progress -> { };
    }
}
