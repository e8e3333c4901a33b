package org.sferum.sdk.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stay of a participant in a call: from joining to leaving (F-EMB-06).
 *
 * @param joinedAt when they joined
 * @param leftAt when they left, were removed or the call ended; empty while still in the call
 */
public record AttendanceSession(Instant joinedAt, Optional<Instant> leftAt) {
    /**
     * Validates the fields.
     *
     * @param joinedAt when they joined
     * @param leftAt when they left
     */
    public AttendanceSession {
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(leftAt, "leftAt");
    }

    /**
     * How long this stay lasted, counting to an instant while still in the call.
     *
     * @param now the instant to count to while still in the call
     * @return the duration, never negative
     */
    public Duration duration(Instant now) {
        Instant end = leftAt.orElse(Objects.requireNonNull(now, "now"));
        return end.isBefore(joinedAt) ? Duration.ZERO : Duration.between(joinedAt, end);
    }
}
