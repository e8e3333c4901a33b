package org.sferum.sdk.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.users.UserId;

/**
 * One participant's line of an attendance report (F-EMB-06): every stay in the call, oldest first.
 *
 * @param participant the participant id
 * @param user the user, or empty for an anonymous guest
 * @param name the name shown in the call
 * @param sessions each stay, oldest first
 */
public record AttendanceEntry(ParticipantId participant, Optional<UserId> user, String name,
                              List<AttendanceSession> sessions) {
    /**
     * Validates and copies the fields.
     *
     * @param participant the participant id
     * @param user the user, or empty for an anonymous guest
     * @param name the name shown
     * @param sessions each stay
     */
    public AttendanceEntry {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(name, "name");
        sessions = List.copyOf(sessions);
    }

    /**
     * The time spent in the call over all stays, counting open stays to an instant.
     *
     * @param now the instant to count open stays to
     * @return the total
     */
    public Duration total(Instant now) {
        Duration sum = Duration.ZERO;
        for (AttendanceSession session : sessions) {
            sum = sum.plus(session.duration(now));
        }
        return sum;
    }
}
