package org.sferum.sdk.testkit.engine.vkid;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;

/**
 * Wrong passwords and SMS codes per phone: the {@value #MAX_FAILURES}th in a row locks the phone for
 * {@link #LOCK} («Слишком много попыток…»). The wrong attempt that locks is still reported as wrong; every attempt
 * during the lock is refused with {@code TOO_MANY_ATTEMPTS}. A right password or code starts the count again.
 * Guarded by the VK ID lock.
 */
final class Attempts {
    /** Wrong passwords or codes in a row that lock a phone. */
    static final int MAX_FAILURES = 5;
    /** How long a phone stays locked. */
    static final Duration LOCK = Duration.ofMinutes(15);

    private final Map<String, State> byPhone = new HashMap<>();

    /**
     * Refuses when the phone is locked.
     *
     * @param phone the normalised phone
     * @param now the time
     * @throws RateLimitException with {@code TOO_MANY_ATTEMPTS} and the lock's remaining time
     */
    void checkNotLocked(String phone, Instant now) {
        State state = byPhone.get(phone);
        if (state == null || state.lockedUntil == null) {
            return;
        }
        if (now.isBefore(state.lockedUntil)) {
            Duration remaining = Duration.between(now, state.lockedUntil);
            throw new RateLimitException(ErrorCode.TOO_MANY_ATTEMPTS, "too many wrong passwords or codes for this "
                    + "phone («Слишком много попыток»); try again in " + minutes(remaining), remaining, null, null,
                    null);
        }
        byPhone.remove(phone);
    }

    /**
     * Counts a wrong attempt, locking the phone at the {@value #MAX_FAILURES}th.
     *
     * @param phone the normalised phone
     * @param now the time
     * @param wrong the refusal to report
     * @return the refusal to throw
     */
    SferumException failed(String phone, Instant now, SferumException wrong) {
        State state = byPhone.computeIfAbsent(phone, p -> new State());
        state.failures++;
        if (state.failures >= MAX_FAILURES) {
            state.failures = 0;
            state.lockedUntil = now.plus(LOCK);
            return SferumException.of(wrong.code(), wrong.getMessage() + "; that was the " + MAX_FAILURES
                    + "th wrong attempt, so this phone is locked for " + minutes(LOCK));
        }
        return wrong;
    }

    /**
     * Starts the count again after a right password or code.
     *
     * @param phone the normalised phone
     */
    void succeeded(String phone) {
        byPhone.remove(phone);
    }

    private static String minutes(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds >= 60 ? (seconds + 59) / 60 + " min" : seconds + " s";
    }

    private static final class State {
        int failures;
        Instant lockedUntil;
    }
}
