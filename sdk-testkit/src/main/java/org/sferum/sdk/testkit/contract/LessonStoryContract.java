package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.AttendanceEntry;
import org.sferum.sdk.calls.AttendanceReport;
import org.sferum.sdk.calls.AttendanceSession;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.JoinStatus;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.RecordingAudience;
import org.sferum.sdk.calls.RecordingAuthor;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.messages.Message;

/**
 * The whole lesson story of the manuals, as the issue's «Done when» tells it (F-CALL-02 … F-CALL-11, F-SECT-02 …
 * F-SECT-04, F-EMB-06, F-EMB-07): the teacher creates the call from the journal's lesson; a student sees it grey,
 * then blue at the start time; both join; the student raises a hand and the teacher mutes them; the teacher records;
 * the recording lands in the call's chat and is linked to the lesson; the teacher ends the call for everyone; the
 * attendance shows who was there and when. Extend it and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CALLS_BY_LINK, Capability.CALL_MANAGEMENT, Capability.LESSON_CALLS, Capability.RECORDINGS})
public abstract class LessonStoryContract extends CallContractSupport {

    /** Creates the contract. */
    protected LessonStoryContract() {
    }

    @Test
    @DisplayName("F-CALL-02, F-SECT-02, F-SECT-03, F-SECT-04, F-CALL-03, F-CALL-05, F-CALL-09, F-CALL-10, "
            + "F-CALL-11, F-EMB-07, F-CALL-04, F-EMB-06: the lesson story, from the journal to the attendance")
    void lessonStory() {
        // the teacher creates the call from the journal's lesson, which starts in an hour
        ChatId classChat = classChat();
        Call created = teacher.calls().createLessonCall(LATER, classChat);
        CallId id = created.id();
        assertEquals(CallKind.LESSON, created.kind());
        assertEquals(CallState.SCHEDULED, created.state());
        assertEquals(Optional.of(LATER.lessonKey()), created.lessonKey());

        // the student sees it grey: in the tab and in the diary, without a link; joining is refused
        SferumSession student = student(0);
        Call grey = student.calls().forLesson(LATER.lessonKey()).orElseThrow();
        assertEquals(id, grey.id());
        assertEquals(CallState.SCHEDULED, grey.state());
        assertEquals(Optional.empty(), grey.links());
        assertEquals(List.of(id), tabIds(student));
        assertEquals(CallState.SCHEDULED, tab(student).get(0).state());
        refused(ConflictException.class, ErrorCode.CALL_NOT_STARTED, () -> student.calls().join(id));

        // blue at the start time, with the link to «Подключиться»
        fixture.advanceClock(Duration.ofHours(1));
        Call blue = student.calls().forLesson(LATER.lessonKey()).orElseThrow();
        assertEquals(CallState.RUNNING, blue.state());
        String link = blue.joinLink().orElseThrow();
        assertEquals(CallState.RUNNING, tab(student).get(0).state());
        Call again = teacher.calls().createLessonCall(LATER, classChat);
        assertEquals(id, again.id(), "the journal opens the same call again, not a second one");
        assertEquals(CallState.RUNNING, again.state());
        assertEquals(1, tab(teacher).size());

        // both join: the teacher from the journal as the organiser, the student from the diary's link
        CallJoin teacherIn = teacher.calls().join(id);
        assertEquals(CallRole.ORGANISER, teacherIn.role());
        fixture.advanceClock(Duration.ofMinutes(2));
        CallJoin studentIn = student.calls().joinByLink(link);
        assertEquals(JoinStatus.IN_CALL, studentIn.status());
        assertEquals(CallRole.PARTICIPANT, studentIn.role());
        assertEquals(List.of(school.teacher().id(), studentId(0)), usersInCall(teacher, id));

        // the student raises a hand and speaks; the teacher sees the hand and mutes the student
        student.calls().participants().setMedia(id, Media.MICROPHONE, true);
        student.calls().participants().raiseHand(id, true);
        Participant asked = participant(teacher, id, studentIn.participant());
        assertTrue(asked.handRaised());
        assertTrue(asked.microphone());
        teacher.calls().participants().mute(id, studentIn.participant());
        Participant muted = participant(student, id, studentIn.participant());
        assertFalse(muted.microphone());
        student.calls().participants().raiseHand(id, false);
        assertFalse(participant(teacher, id, studentIn.participant()).handRaised());

        // the teacher records part of the lesson
        Recording recording = teacher.calls().recordings().start(id, new RecordingRequest("Математика, 5в",
                RecordingAuthor.SCHOOL, RecordingAudience.PARTICIPANTS));
        assertTrue(recording.recording());
        fixture.advanceClock(Duration.ofMinutes(20));
        Recording stopped = teacher.calls().recordings().stop(id);
        assertEquals(Duration.ofMinutes(20), stopped.duration(START.plus(Duration.ofHours(2))));
        String recordingLink = stopped.link().orElseThrow();

        // the recording is in the call's own chat, with its link, and linked to the lesson
        ChatId callChat = student.calls().get(id).callChat().orElseThrow();
        List<Message> posts = history(student, callChat).stream().filter(m -> m.text().contains(recordingLink))
                .collect(Collectors.toList());
        assertEquals(1, posts.size());
        List<Recording> ofLesson = student.calls().recordings().forLesson(LATER.lessonKey());
        assertEquals(List.of(stopped.id()), ofLesson.stream().map(Recording::id).collect(Collectors.toList()));
        assertEquals(Optional.of(recordingLink), ofLesson.get(0).link());
        assertEquals(Optional.of(recordingLink),
                student(1).calls().recordings().forLesson(LATER.lessonKey()).get(0).link(),
                "a classmate who missed the lesson finds its recording from the diary");

        // the teacher ends the call for everyone: both are out, the call is ended, the diary shows it ended
        fixture.advanceClock(Duration.ofMinutes(3));
        teacher.calls().endForAll(id);
        assertEquals(List.of(), inCall(teacher, id));
        assertEquals(List.of(), inCall(student, id));
        for (SferumSession who : List.of(teacher, student)) {
            Call ended = who.calls().get(id);
            assertEquals(CallState.ENDED, ended.state());
            assertEquals(Optional.empty(), ended.links());
        }
        assertEquals(CallState.ENDED, student.calls().forLesson(LATER.lessonKey()).orElseThrow().state());
        refused(ConflictException.class, ErrorCode.CALL_ENDED, () -> student.calls().joinByLink(link));

        // the attendance shows both, with their join and leave times, and who never came
        AttendanceReport attendance = teacher.calls().attendance(id);
        assertEquals(Optional.of(LATER.lessonKey()), attendance.lessonKey());
        assertEquals(2, attendance.entries().size());
        AttendanceEntry teacherEntry = attendance.entries().get(0);
        AttendanceEntry studentEntry = attendance.entries().get(1);
        assertEquals(Optional.of(school.teacher().id()), teacherEntry.user());
        assertEquals(Optional.of(studentId(0)), studentEntry.user());
        assertEquals(List.of(new AttendanceSession(LATER.startsAt(), Optional.of(LATER.startsAt()
                .plus(Duration.ofMinutes(25))))), teacherEntry.sessions());
        assertEquals(List.of(new AttendanceSession(LATER.startsAt().plus(Duration.ofMinutes(2)),
                Optional.of(LATER.startsAt().plus(Duration.ofMinutes(25))))), studentEntry.sessions());
        assertEquals(Set.of(studentId(1), studentId(2)), Set.copyOf(attendance.neverJoined()));
    }
    @Test
    @DisplayName("F-SECT-03, F-SECT-04: the diary shows no button for a lesson without a call, and nothing to "
            + "those outside the class")
    void diaryWithoutCall() {
        ChatId classChat = classChat();
        assertEquals(Optional.empty(), student(0).calls().forLesson(LATER.lessonKey()));
        teacher.calls().createLessonCall(LATER, classChat);
        assertEquals(Optional.empty(), student(0).calls().forLesson(NOW.lessonKey()));
        assertEquals(Optional.empty(), outsider().calls().forLesson(LATER.lessonKey()));
        assertEquals(Optional.empty(), fixture.as(school.parent()).calls().forLesson(LATER.lessonKey()));
        fixture.advanceClock(Duration.ofHours(1));
        assertEquals(Optional.empty(), outsider().calls().forLesson(LATER.lessonKey()));
        assertEquals(CallState.RUNNING, student(2).calls().forLesson(LATER.lessonKey()).orElseThrow().state());
    }

}
