package org.sferum.sdk.core;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests pass one that records the waits and
 * returns at once, so retries are checked without slowing the build.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for a while.
     *
     * @param duration how long
     * @throws InterruptedException if the thread was interrupted while waiting; the client then stops retrying
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper that blocks the calling thread with {@link Thread#sleep(long)}.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
