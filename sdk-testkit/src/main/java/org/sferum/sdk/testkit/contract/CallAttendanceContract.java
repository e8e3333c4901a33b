package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.calls.AttendanceEntry;
import org.sferum.sdk.calls.AttendanceReport;
import org.sferum.sdk.calls.AttendanceSession;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.testkit.calls.GuestTicket;
import org.sferum.sdk.users.UserId;

/**
 * The contract of attendance (F-EMB-06): the join and leave times of every participant of a call, each stay a
 * session, with the invited users who never joined, as a report the journal can turn into attendance; the organiser
 * and the admins they appoint read it. Extend it and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CALLS_BY_LINK, Capability.CALL_MANAGEMENT, Capability.LESSON_CALLS})
public abstract class CallAttendanceContract extends CallContractSupport {

    /** Creates the contract. */
    protected CallAttendanceContract() {
    }

    private static Instant at(long minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private static Optional<AttendanceEntry> entryOf(AttendanceReport report, UserId user) {
        return report.entries().stream().filter(e -> e.user().equals(Optional.of(user))).findFirst();
    }

    private static AttendanceSession closed(long joined, long left) {
        return new AttendanceSession(at(joined), Optional.of(at(left)));
    }

    @Test
    @DisplayName("F-EMB-06: every participant's join and leave times, each stay a session, ordered by first join")
    void joinAndLeaveTimes() {
        CallId id = runningLessonCall();
        teacher.calls().join(id);
        fixture.advanceClock(Duration.ofMinutes(2));
        student(0).calls().join(id);
        fixture.advanceClock(Duration.ofMinutes(3));
        student(1).calls().join(id);
        fixture.advanceClock(Duration.ofMinutes(10));
        student(0).calls().leave(id);
        fixture.advanceClock(Duration.ofMinutes(5));
        student(0).calls().join(id);
        fixture.advanceClock(Duration.ofMinutes(25));
        teacher.calls().endForAll(id);

        AttendanceReport report = teacher.calls().attendance(id);
        assertEquals(id, report.call());
        assertEquals(Optional.of(NOW.lessonKey()), report.lessonKey());
        assertEquals(at(45), report.generatedAt());
        assertEquals(List.of(school.teacher().id(), studentId(0), studentId(1)),
                report.entries().stream().map(e -> e.user().orElseThrow()).collect(Collectors.toList()));
        assertEquals(List.of(closed(0, 45)), entryOf(report, school.teacher().id()).orElseThrow().sessions());
        AttendanceEntry first = entryOf(report, studentId(0)).orElseThrow();
        assertEquals(List.of(closed(2, 15), closed(20, 45)), first.sessions());
        assertEquals(Duration.ofMinutes(38), first.total(at(60)));
        assertEquals(List.of(closed(5, 45)), entryOf(report, studentId(1)).orElseThrow().sessions());
        assertEquals(List.of(studentId(2)), report.neverJoined());
    }

    @Test
    @DisplayName("F-EMB-06: while the call runs, the open stays have no leave time yet")
    void openSessions() {
        CallId id = runningLessonCall();
        teacher.calls().join(id);
        fixture.advanceClock(Duration.ofMinutes(1));
        student(2).calls().join(id);
        fixture.advanceClock(Duration.ofMinutes(9));

        AttendanceReport report = teacher.calls().attendance(id);
        AttendanceEntry entry = entryOf(report, studentId(2)).orElseThrow();
        assertEquals(List.of(new AttendanceSession(at(1), Optional.empty())), entry.sessions());
        assertEquals(Duration.ofMinutes(9), entry.total(report.generatedAt()));
        assertEquals(Set.of(studentId(0), studentId(1)), Set.copyOf(report.neverJoined()));
    }

    @Test
    @DisplayName("F-EMB-06: before the start nobody attended; every invited user is listed as never joined")
    void beforeStart() {
        CallId id = teacher.calls().createLessonCall(LATER, classChat()).id();
        AttendanceReport report = teacher.calls().attendance(id);
        assertEquals(List.of(), report.entries());
        assertEquals(Set.of(school.teacher().id(), studentId(0), studentId(1), studentId(2)),
                Set.copyOf(report.neverJoined()));
        assertEquals(Optional.of(LATER.lessonKey()), report.lessonKey());
    }

    @Test
    @DisplayName("F-EMB-06: a removed participant's stay ends when removed")
    void removedStayEnds() {
        CallId id = runningLessonCall();
        teacher.calls().join(id);
        CallJoin join = student(0).calls().join(id);
        fixture.advanceClock(Duration.ofMinutes(7));
        teacher.calls().participants().remove(id, join.participant());
        AttendanceEntry entry = entryOf(teacher.calls().attendance(id), studentId(0)).orElseThrow();
        assertEquals(List.of(closed(0, 7)), entry.sessions());
        assertEquals(join.participant(), entry.participant());
    }

    @Test
    @DisplayName("F-EMB-06: anonymous guests of a call by link appear by the name they gave")
    void guestsInReport() {
        Call call = teacher.calls().startByLink("Открытый урок", CallSettings.DEFAULT.withAnonymousAllowed(true));
        fixture.advanceClock(Duration.ofMinutes(3));
        GuestTicket guest = fixture.guests().join(call.joinLink().orElseThrow(), "Гость из 6а");
        fixture.advanceClock(Duration.ofMinutes(4));
        fixture.guests().leave(guest);

        AttendanceReport report = teacher.calls().attendance(call.id());
        assertEquals(Optional.empty(), report.lessonKey());
        AttendanceEntry entry = report.entries().stream().filter(e -> e.participant().equals(guest.participant()))
                .findFirst().orElseThrow();
        assertTrue(entry.user().isEmpty());
        assertEquals("Гость из 6а", entry.name());
        assertEquals(List.of(closed(3, 7)), entry.sessions());
        assertEquals(2, report.entries().size());
    }

    @Test
    @DisplayName("F-EMB-06: only the organiser and the admins they appoint read the attendance; a participant "
            + "and an outsider are refused")
    void onlyAdminsRead() {
        CallId id = runningLessonCall();
        teacher.calls().join(id);
        CallJoin join = student(0).calls().join(id);
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> student(0).calls().attendance(id));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().attendance(id));

        teacher.calls().participants().setAdmin(id, join.participant(), true);
        assertEquals(teacher.calls().attendance(id), student(0).calls().attendance(id));
    }
}
