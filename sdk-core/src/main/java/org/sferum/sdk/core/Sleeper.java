package org.sferum.sdk.core;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
     * Runs an action once a wait is over, where the events' long polls wait between reconnections. The default
     * waits with {@link #sleep} on one of the timer's threads, then runs the action there (right for a sleeper
     * that returns at once, as tests give); {@link #system()} schedules the action on the timer instead, so that
     * no thread is held while waiting.
     *
     * @param duration how long to wait
     * @param timer where to wait and run
     * @param action what to run after the wait; not run when the wait is interrupted or cancelled
     * @return the pending action; cancelling it ({@code cancel(true)}) stops the wait
     * @throws java.util.concurrent.RejectedExecutionException if the timer is shut down
     */
    default Future<?> after(Duration duration, ScheduledExecutorService timer, Runnable action) {
        return timer.submit(() -> {
            try {
                sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            action.run();
        });
    }

    /**
     * The sleeper that blocks the calling thread with {@link Thread#sleep(long)}, and schedules
     * {@link #after} on the timer without holding a thread.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return new Sleeper() {
            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }

            @Override
            public Future<?> after(Duration duration, ScheduledExecutorService timer, Runnable action) {
                return timer.schedule(action, duration.toNanos(), TimeUnit.NANOSECONDS);
            }

            @Override
            public String toString() {
                return "Sleeper.system()";
            }
        };
    }
}
