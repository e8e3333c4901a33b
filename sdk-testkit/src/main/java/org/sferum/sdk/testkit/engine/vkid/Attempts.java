package org.sferum.sdk.testkit.engine.vkid;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;

/**
 * Wrong passwords and SMS codes (F-LINK-10, issue 12 item 2), counted separately for each step ({@link Kind}) and
 * both per phone and per login flow. The {@value #MAX_FAILURES}th wrong attempt of one step locks the phone (every
 * flow of it) or the flow for {@link #LOCK} («Слишком много попыток…»). The wrong attempt that locks is still
 * reported as wrong; every attempt during the lock is refused with {@code TOO_MANY_ATTEMPTS}.
 *
 * <p>Only a completed login (the user confirmed «Проверьте данные») starts a phone's counts again: a right password
 * does not reset the SMS code's count, so "new flow, right password, four wrong codes", repeated, still locks the
 * phone at the fifth wrong code. A lock's end starts the counts of that phone or flow again. Guarded by the VK ID
 * lock.
 */
final class Attempts {
    /** Wrong attempts of one step that lock a phone or a flow. */
    static final int MAX_FAILURES = 5;
    /** How long a phone or a flow stays locked. */
    static final Duration LOCK = Duration.ofMinutes(15);

    /** The steps whose wrong attempts are counted, each on its own. */
    enum Kind {
        /** The password page. */
        PASSWORD,
        /** The SMS code of the login. */
        SMS_CODE,
        /** The SMS code of «Забыли или не установили пароль?». */
        RESET_CODE
    }

    private final Map<String, State> byPhone = new HashMap<>();
    private final Map<String, State> byFlow = new HashMap<>();

    /**
     * Refuses when the phone, or the flow, is locked.
     *
     * @param phone the normalised phone
     * @param flowId the login flow, or null before one exists
     * @param now the time
     * @throws RateLimitException with {@code TOO_MANY_ATTEMPTS} and the lock's remaining time
     */
    void checkNotLocked(String phone, String flowId, Instant now) {
        checkNotLocked(byPhone, phone, "phone", now);
        if (flowId != null) {
            checkNotLocked(byFlow, flowId, "login", now);
        }
    }

    private static void checkNotLocked(Map<String, State> states, String key, String what, Instant now) {
        State state = states.get(key);
        if (state == null || state.lockedUntil == null) {
            return;
        }
        if (now.isBefore(state.lockedUntil)) {
            Duration remaining = Duration.between(now, state.lockedUntil);
            throw new RateLimitException(ErrorCode.TOO_MANY_ATTEMPTS, "too many wrong passwords or codes for this "
                    + what + " («Слишком много попыток»); try again in " + minutes(remaining), remaining, null, null,
                    null);
        }
        states.remove(key);
    }

    /**
     * Counts a wrong attempt of one step for the phone and for the flow, locking either at its
     * {@value #MAX_FAILURES}th.
     *
     * @param phone the normalised phone
     * @param flowId the login flow
     * @param kind the step
     * @param now the time
     * @param wrong the refusal to report
     * @return the refusal to throw
     */
    SferumException failed(String phone, String flowId, Kind kind, Instant now, SferumException wrong) {
        boolean phoneLocked = count(byPhone, phone, kind, now);
        boolean flowLocked = count(byFlow, flowId, kind, now);
        if (phoneLocked || flowLocked) {
            return SferumException.of(wrong.code(), wrong.getMessage() + "; that was the " + MAX_FAILURES
                    + "th wrong attempt, so this " + (phoneLocked ? "phone" : "login") + " is locked for "
                    + minutes(LOCK));
        }
        return wrong;
    }

    private static boolean count(Map<String, State> states, String key, Kind kind, Instant now) {
        State state = states.computeIfAbsent(key, k -> new State());
        int failures = state.failures.merge(kind, 1, Integer::sum);
        if (failures >= MAX_FAILURES) {
            state.failures.clear();
            state.lockedUntil = now.plus(LOCK);
            return true;
        }
        return false;
    }

    /**
     * Starts a phone's counts again after a completed login, and forgets the flow's.
     *
     * @param phone the normalised phone
     * @param flowId the completed flow
     */
    void loginCompleted(String phone, String flowId) {
        State state = byPhone.get(phone);
        if (state != null && state.lockedUntil == null) {
            byPhone.remove(phone);
        }
        byFlow.remove(flowId);
    }

    /**
     * Forgets the counts of flows that ended or expired.
     *
     * @param flowId the flow
     */
    void forgetFlow(String flowId) {
        byFlow.remove(flowId);
    }

    private static String minutes(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds >= 60 ? (seconds + 59) / 60 + " min" : seconds + " s";
    }

    private static final class State {
        final Map<Kind, Integer> failures = new EnumMap<>(Kind.class);
        Instant lockedUntil;
    }
}
