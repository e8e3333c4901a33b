package org.sferum.sdk.calls;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.users.UserId;

/**
 * Who was in a call and when (F-EMB-06): what the journal turns into attendance for a lesson call.
 *
 * @param call the call
 * @param lessonKey the journal lesson, for a lesson call
 * @param generatedAt the platform's time when the report was made; open stays count to it
 * @param entries each participant who joined at least once, in order of first joining
 * @param neverJoined the invited users (the members of the call's chat, the invited contacts) who never joined
 */
public record AttendanceReport(CallId call, Optional<String> lessonKey, Instant generatedAt,
                               List<AttendanceEntry> entries, List<UserId> neverJoined) {
    /**
     * Validates and copies the fields.
     *
     * @param call the call
     * @param lessonKey the journal lesson
     * @param generatedAt when the report was made
     * @param entries the participants who joined
     * @param neverJoined the invited users who never joined
     */
    public AttendanceReport {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(lessonKey, "lessonKey");
        Objects.requireNonNull(generatedAt, "generatedAt");
        entries = List.copyOf(entries);
        neverJoined = List.copyOf(neverJoined);
    }
}
