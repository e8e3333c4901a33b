package org.sferum.sdk.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.users.UserId;

/**
 * A recording of a call (F-CALL-10), as one user sees it.
 *
 * @param id the recording id
 * @param call the call it records
 * @param title the title
 * @param recordedBy who recorded it
 * @param author on whose behalf
 * @param audience who may watch it
 * @param startedAt when recording started: the duration counter runs from here
 * @param stoppedAt when it stopped; empty while recording
 * @param lessonKey the journal lesson it belongs to, for a lesson call (F-EMB-07)
 * @param link the link to watch and copy: present only once it has stopped, and only for a user with an
 *     educational profile in its audience
 */
public record Recording(RecordingId id, CallId call, String title, UserId recordedBy, RecordingAuthor author,
                        RecordingAudience audience, Instant startedAt, Optional<Instant> stoppedAt,
                        Optional<String> lessonKey, Optional<String> link) {
    /**
     * Validates the fields.
     *
     * @param id the recording id
     * @param call the call
     * @param title the title
     * @param recordedBy who recorded it
     * @param author on whose behalf
     * @param audience who may watch it
     * @param startedAt when recording started
     * @param stoppedAt when it stopped
     * @param lessonKey the journal lesson
     * @param link the link, for those who may watch
     */
    public Recording {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        Objects.requireNonNull(lessonKey, "lessonKey");
        Objects.requireNonNull(link, "link");
    }

    /**
     * Tells whether it is still recording.
     *
     * @return whether it is still recording
     */
    public boolean recording() {
        return stoppedAt.isEmpty();
    }

    /**
     * The duration counter (F-CALL-10): how long it has recorded by an instant, or in all once stopped.
     *
     * @param now the instant to count to while still recording, usually the platform's clock
     * @return the duration, never negative
     */
    public Duration duration(Instant now) {
        Instant end = stoppedAt.orElse(Objects.requireNonNull(now, "now"));
        return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
    }
}
