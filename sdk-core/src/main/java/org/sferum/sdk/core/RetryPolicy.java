package org.sferum.sdk.core;

import java.time.Duration;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * How often and how patiently a failed call is repeated: exponential backoff with jitter. Attempt {@code n}
 * (counting from 1) that failed is followed by a wait of {@code min(maxBackoff, initialBackoff * 2^(n-1))},
 * shortened by a random share of at most {@code jitter} so that many clients do not retry in step.
 *
 * <p>Which failures are retried at all is not a policy setting: only transient ones (rate limits, service
 * failures, network failures), and a failure after which the request may have been carried out only for calls
 * that are safe to repeat. See {@link SferumClient}.
 *
 * @param maxAttempts how many attempts a call makes at most, 1 (no retries) to 10
 * @param initialBackoff the wait after the first failed attempt
 * @param maxBackoff the longest wait, at most {@link #LONGEST_BACKOFF}
 * @param jitter the share of each wait that is random, 0 (none) to 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
    /** The most attempts a policy may ask for. */
    public static final int MAX_ATTEMPTS = 10;
    /** The longest wait a policy may ask for. */
    public static final Duration LONGEST_BACKOFF = Duration.ofMinutes(10);

    /**
     * Validates the policy.
     *
     * @param maxAttempts how many attempts a call makes at most, 1 (no retries) to 10
     * @param initialBackoff the wait after the first failed attempt
     * @param maxBackoff the longest wait, at most {@link #LONGEST_BACKOFF}
     * @param jitter the share of each wait that is random, 0 (none) to 1
     */
    public RetryPolicy {
        Checks.require(maxAttempts >= 1 && maxAttempts <= MAX_ATTEMPTS, ErrorCode.INVALID_ARGUMENT,
                "maxAttempts must be between 1 and " + MAX_ATTEMPTS + ", got " + maxAttempts);
        Checks.notNull(initialBackoff, "initialBackoff");
        Checks.notNull(maxBackoff, "maxBackoff");
        Checks.require(!initialBackoff.isNegative() && !maxBackoff.isNegative()
                        && initialBackoff.compareTo(maxBackoff) <= 0, ErrorCode.INVALID_ARGUMENT,
                "backoffs must not be negative and initialBackoff must not exceed maxBackoff");
        Checks.require(maxBackoff.compareTo(LONGEST_BACKOFF) <= 0, ErrorCode.INVALID_ARGUMENT,
                "maxBackoff must be at most " + LONGEST_BACKOFF.toMinutes() + " minutes");
        Checks.require(jitter >= 0 && jitter <= 1, ErrorCode.INVALID_ARGUMENT,
                "jitter must be between 0 and 1, got " + jitter);
    }

    /**
     * The default: 3 attempts, waits from 200 ms doubling up to 5 s, half of each wait random.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5);
    }

    /**
     * No retries: every call makes one attempt.
     *
     * @return the policy
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
    }

    /**
     * Returns a copy with another number of attempts.
     *
     * @param attempts the most attempts per call
     * @return the copy
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, jitter);
    }

    /**
     * Returns a copy with another share of randomness; 0 makes the waits exact.
     *
     * @param newJitter the random share of each wait, 0 to 1
     * @return the copy
     */
    public RetryPolicy withJitter(double newJitter) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, newJitter);
    }

    /**
     * Computes the wait after a failed attempt.
     *
     * @param failedAttempt the attempt that failed, 1 for the first
     * @param random a number in {@code [0, 1)}, such as {@code ThreadLocalRandom.current().nextDouble()}
     * @return the wait before the next attempt
     */
    public Duration backoff(int failedAttempt, double random) {
        Checks.require(failedAttempt >= 1, ErrorCode.INVALID_ARGUMENT, "attempts are counted from 1");
        long initial = initialBackoff.toMillis();
        long max = maxBackoff.toMillis();
        long base = initial;
        for (int i = 1; i < failedAttempt && base < max; i++) {
            base = base * 2;
        }
        base = Math.min(base, max);
        double share = Math.min(Math.max(random, 0), 1) * jitter;
        return Duration.ofMillis(Math.round(base * (1 - share)));
    }
}
