package org.sferum.sdk.spi;

import java.time.Duration;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;

/**
 * Counts what the real client does, for an embedder's metrics system (F-EMB-03): calls, retries, token refreshes
 * and the events' long poll reconnections. Found with {@link java.util.ServiceLoader} or set on the client's
 * builder; every method has an empty default, so an implementation overrides only what it counts, and
 * {@link #none()} counts nothing.
 *
 * <p>Only names, codes, counts and durations reach it: never a token, a parameter's value, a message text, a user
 * or an account. Methods are called on the thread that made the call (or on an events subscription's thread), from
 * many threads at once: implementations must be thread-safe and quick. An exception thrown by a method is logged
 * and ignored; it never changes the call's outcome.
 */
public interface SferumMetrics {
    /**
     * Counts nothing.
     *
     * @return the no-op metrics
     */
    static SferumMetrics none() {
        return NoMetrics.INSTANCE;
    }

    /**
     * Called once when a VK API call is over, after all its attempts.
     *
     * @param method the VK API method, such as {@code messages.send}
     * @param failure the code the call failed with, or empty when it succeeded
     * @param attempts how many attempts were made, 1 when nothing was retried
     * @param duration how long the call took, waits between attempts included
     */
    default void requestCompleted(String method, Optional<ErrorCode> failure, int attempts, Duration duration) {
    }

    /**
     * Called when a failed attempt is about to be retried, before the wait.
     *
     * @param method the VK API method
     * @param attempt the attempt that failed, 1 for the first
     * @param cause the code of its failure
     * @param wait how long the client waits before the next attempt
     */
    default void requestRetried(String method, int attempt, ErrorCode cause, Duration wait) {
    }

    /**
     * Called when a linked account's tokens were refreshed at VK ID, or the refresh failed.
     *
     * @param failure the code the refresh failed with (such as {@code RELINK_REQUIRED}), or empty when new tokens
     *     were stored (also when another node had rotated them and its tokens were taken)
     * @param duration how long the refresh took
     */
    default void tokenRefreshed(Optional<ErrorCode> failure, Duration duration) {
    }

    /**
     * Called each time an events subscription's long poll has to connect again, before it does.
     *
     * @param failure the code of the failure that broke the long poll, or empty when the server asked for it
     *     (VK's {@code failed} 1, 2 or 3: history lost, key expired, information lost)
     */
    default void longPollReconnected(Optional<ErrorCode> failure) {
    }
}
