package org.sferum.sdk.samples.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.sferum.sdk.calls.Lesson;

/**
 * A lesson of the journal's timetable.
 *
 * @param number the lesson's number in the day
 * @param subject the subject
 * @param className the class
 * @param startsAt when it starts
 * @param key the journal's lesson key, unique across schools (the SDK finds the lesson's call by it)
 */
record SchoolLesson(int number, String subject, String className, Instant startsAt, String key) {
    /** The school's time zone. */
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    /** A lesson's length. */
    static final Duration LENGTH = Duration.ofMinutes(45);
    /** From one lesson's start to the next one's: the lesson and a break. */
    static final Duration STEP = Duration.ofMinutes(55);

    private static final List<String> SUBJECTS = List.of("Математика", "Русский язык", "Литература",
            "Окружающий мир");

    /**
     * Today's timetable of a class. So that the demo always has a lesson going on, the first lesson began at the
     * last whole five minutes before {@code now}; the others follow every {@link #STEP}.
     *
     * @param school the school's id, to make the keys unique across schools
     * @param className the class
     * @param now the current time
     * @return the lessons in order
     */
    static List<SchoolLesson> today(String school, String className, Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.MINUTES);
        long minute = first.atZone(ZONE).getMinute();
        first = first.minus(Duration.ofMinutes(minute % 5));
        LocalDate day = first.atZone(ZONE).toLocalDate();
        List<SchoolLesson> lessons = new ArrayList<>();
        for (int i = 0; i < SUBJECTS.size(); i++) {
            lessons.add(new SchoolLesson(i + 1, SUBJECTS.get(i), className, first.plus(STEP.multipliedBy(i)),
                    school + "/" + className + "/" + day + "/" + (i + 1)));
        }
        return List.copyOf(lessons);
    }

    /**
     * The lesson as the SDK sees it.
     *
     * @return the SDK's lesson
     */
    Lesson toSdk() {
        return new Lesson(key, className, subject, startsAt);
    }
}
