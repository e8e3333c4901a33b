package org.sferum.sdk.core.wire;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sferum.sdk.core.Sleeper;

/**
 * Keeps each token to at most {@code n} requests in any second (VK allows a user token 3 a second and answers more
 * with error 6), by making the caller wait for its slot rather than failing: a sliding window of the last {@code n}
 * reserved send times per token. Every attempt (retries too) takes a slot. Thread-safe.
 */
final class TokenRateLimiter {
    private static final long WINDOW_MILLIS = 1000;

    private final int perSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    TokenRateLimiter(int perSecond, Clock clock, Sleeper sleeper) {
        this.perSecond = perSecond;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Waits until the token may send one more request.
     *
     * @param key the token's secret (kept only as a map key, never logged)
     * @throws InterruptedException if interrupted while waiting
     */
    void acquire(String key) throws InterruptedException {
        long[] window = windows.computeIfAbsent(key, k -> new long[perSecond + 1]);
        long wait;
        synchronized (window) {
            // window[perSecond] is the next index of the ring; the others are reserved send times.
            int next = (int) window[perSecond];
            long now = clock.millis();
            long slot = Math.max(now, window[next] == 0 ? now : window[next] + WINDOW_MILLIS);
            window[next] = slot;
            window[perSecond] = (next + 1) % perSecond;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofMillis(wait));
        }
    }
}
