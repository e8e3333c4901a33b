package org.sferum.sdk.samples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.AttendanceEntry;
import org.sferum.sdk.calls.AttendanceReport;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.emulator.SferumEmulator;

/**
 * The online lesson of the manuals, through sdk-core on the emulator: the teacher creates the lesson's call from
 * the journal, the student's diary shows it grey and then blue at the lesson time, both join, the student raises a
 * hand, the teacher mutes the student, records, ends the call for everyone, and reads the attendance.
 */
final class LessonCallSample {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("Europe/Moscow"));

    private LessonCallSample() {
    }

    static void run(PrintStream out, SferumEmulator emulator, SferumSession teacher, SferumSession student,
                    ChatId classChat) {
        out.println();
        out.println("Журнал → класс → предмет → дата урока → «Дополнительные сервисы» → «Сферум» → «Создать звонок»");
        Instant lessonStart = emulator.engine().clock().instant().plus(Duration.ofMinutes(15))
                .truncatedTo(ChronoUnit.MINUTES);
        Lesson lesson = new Lesson("journal-lesson-42", "5в", "Математика", lessonStart);
        Call call = teacher.calls().createLessonCall(lesson, classChat);
        Call again = teacher.calls().createLessonCall(lesson, classChat);
        out.println("Создан звонок «" + call.title() + "» на " + TIME.format(call.startsAt())
                + "; повторное создание вернуло тот же звонок: " + call.id().equals(again.id()));

        diary(out, student, lesson);
        try {
            student.calls().join(call.id());
        } catch (SferumException refused) {
            out.println("  подключиться до начала нельзя (" + refused.code() + ")");
        }
        emulator.advanceClock(Duration.ofMinutes(15));
        out.println("Наступило время урока, " + TIME.format(emulator.engine().clock().instant()));
        diary(out, student, lesson);

        CallId id = call.id();
        CallJoin teacherIn = teacher.calls().join(id);
        CallJoin studentIn = student.calls().join(id);
        out.println("Учитель в звонке как " + role(teacherIn.role()) + ", ученик как " + role(studentIn.role())
                + "; браузер: " + studentIn.call().links().orElseThrow().browser()
                + ", приложение: " + studentIn.call().links().orElseThrow().app());
        student.calls().participants().setMedia(id, org.sferum.sdk.calls.Media.MICROPHONE, true);
        student.calls().participants().raiseHand(id, true);
        teacher.calls().participants().mute(id, studentIn.participant());
        out.println("Участники:");
        for (Participant p : teacher.calls().participants().list(id)) {
            out.println("  " + p.name() + " (" + role(p.role()) + ")" + (p.handRaised() ? " ✋ поднял руку" : "")
                    + (p.microphone() ? " 🎤" : " микрофон выключен"));
        }

        teacher.calls().recordings().start(id, RecordingRequest.titled("Урок математики, 5в"));
        emulator.advanceClock(Duration.ofMinutes(40));
        Recording recording = teacher.calls().recordings().stop(id);
        out.println("Запись «" + recording.title() + "» остановлена, длительность "
                + recording.duration(emulator.engine().clock().instant()).toMinutes() + " мин");
        ChatId callChat = teacher.calls().get(id).callChat().orElseThrow();
        Message posted = student.messages().history(callChat, HistoryQuery.newestFirst(1)).items().get(0);
        out.println("В чате звонка: " + posted.text());
        out.println("Записи урока в журнале: " + teacher.calls().recordings().forLesson(lesson.lessonKey()).stream()
                .map(Recording::title).collect(Collectors.joining(", ")));

        teacher.calls().endForAll(id);
        out.println("«Завершить звонок для всех»: состояние " + student.calls().get(id).state());
        AttendanceReport report = teacher.calls().attendance(id);
        out.println("Посещаемость урока:");
        for (AttendanceEntry entry : report.entries()) {
            out.println("  " + entry.name() + ": " + entry.sessions().stream()
                    .map(s -> TIME.format(s.joinedAt()) + "–" + s.leftAt().map(TIME::format).orElse("…"))
                    .collect(Collectors.joining(", ")) + ", всего " + entry.total(report.generatedAt()).toMinutes()
                    + " мин");
        }
        out.println("  не подключались: " + report.neverJoined().size());
    }

    private static String role(org.sferum.sdk.calls.CallRole role) {
        return switch (role) {
            case ORGANISER -> "организатор";
            case ADMIN -> "администратор";
            case PARTICIPANT -> "участник";
        };
    }

    private static void diary(PrintStream out, SferumSession student, Lesson lesson) {
        Call seen = student.calls().forLesson(lesson.lessonKey()).orElseThrow();
        String button = seen.state() == CallState.RUNNING ? "синяя «Подключиться»" : "серая «Подключиться»";
        out.println("Дневник ученика, урок " + lesson.subject() + ": " + button
                + (seen.joinLink().isPresent() ? " → " + seen.joinLink().get() : " (ссылки ещё нет)"));
    }
}
