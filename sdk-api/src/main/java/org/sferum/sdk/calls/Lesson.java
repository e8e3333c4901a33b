package org.sferum.sdk.calls;

import java.time.Instant;
import java.util.Objects;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * A lesson of the journal for which a call is created (F-CALL-02).
 *
 * @param lessonKey the journal's id of the lesson; the same key always yields the same call
 * @param className the class, such as «5в»
 * @param subject the subject, such as «Математика»
 * @param startsAt when the lesson starts
 */
public record Lesson(String lessonKey, String className, String subject, Instant startsAt) {
    /**
     * Validates the fields.
     *
     * @param lessonKey the journal's id of the lesson; the same key always yields the same call
     * @param className the class, such as «5в»
     * @param subject the subject, such as «Математика»
     * @param startsAt when the lesson starts
     */
    public Lesson {
        Checks.notNull(lessonKey, "lesson key");
        Checks.require(!lessonKey.isBlank(), ErrorCode.INVALID_ARGUMENT, "lesson key must not be blank");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
