package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.SeededUser;

/**
 * The contract of lesson calls (F-CALL-02) and of the calls tab and the diary's lesson state (F-SECT-02 …
 * F-SECT-04): a teacher of the class chat creates a lesson's call once per lesson key; its members see it grey
 * (no link) before the start on the shared clock, blue with a join link from the start, ended after the organiser
 * ends it for everyone. The faces' clocks start at {@link #START} and move with {@link SferumFixture#advanceClock}.
 * Extend it and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CALL_MANAGEMENT, Capability.CHAT_ADMIN, Capability.LESSON_CALLS})
public abstract class LessonCallsContract extends SchoolContract {
    /** Where every face's clock starts: 1 September 2026, 09:00 Moscow time. */
    protected static final Instant START = Instant.parse("2026-09-01T06:00:00Z");
    /** The lesson of the tests: one hour after {@link #START}. */
    protected static final Lesson LESSON = new Lesson("journal-5v-math-2026-09-01-2", "5в", "Математика",
            START.plus(Duration.ofHours(1)));

    private ChatId classChat() {
        Set<org.sferum.sdk.users.UserId> students = school.students().stream().map(SeededUser::id)
                .collect(Collectors.toSet());
        return teacher.chats().create(new NewChat("5в Классный час", students, ChatSettings.ownerOnly()));
    }

    private static List<Call> tab(SferumSession session) {
        return session.calls().list(PageRequest.ofSize(50)).items();
    }

    private static <T extends SferumException> void refused(Class<T> type, ErrorCode code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code(), e::getMessage);
    }

    @Test
    @DisplayName("F-CALL-02: a teacher of the class chat creates the lesson's call, scheduled at the lesson time")
    void teacherCreatesLessonCall() {
        ChatId chat = classChat();
        Call call = teacher.calls().createLessonCall(LESSON, chat);
        assertEquals(CallState.SCHEDULED, call.state());
        assertEquals(LESSON.startsAt(), call.startsAt());
        assertEquals(school.teacher().id(), call.organiser());
        assertTrue(call.title().contains("Математика"), call.title());
        assertEquals(Optional.empty(), call.joinLink());
    }

    @Test
    @DisplayName("F-CALL-02: the same lesson twice returns the same call, not a second one")
    void sameLessonSameCall() {
        ChatId chat = classChat();
        Call first = teacher.calls().createLessonCall(LESSON, chat);
        Call second = teacher.calls().createLessonCall(LESSON, chat);
        assertEquals(first.id(), second.id());
        assertEquals(1, tab(teacher).size());
        assertEquals(1, tab(student(0)).size());
    }

    @Test
    @DisplayName("F-CALL-02: a lesson whose time has come starts at once, with its join link")
    void lessonNowStartsAtOnce() {
        ChatId chat = classChat();
        Call call = teacher.calls().createLessonCall(new Lesson("journal-now", "5в", "Чтение", START), chat);
        assertEquals(CallState.RUNNING, call.state());
        assertTrue(call.joinLink().isPresent());
        assertEquals(CallState.RUNNING, student(1).calls().get(call.id()).state());
    }

    @Test
    @DisplayName("F-CALL-02: a teacher outside the class chat and a student are refused; nothing is created")
    void othersRefused() {
        ChatId chat = classChat();
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> fixture.as(school.outsider()).calls().createLessonCall(LESSON, chat));
        refused(PermissionDeniedException.class, ErrorCode.PERMISSION_DENIED,
                () -> student(0).calls().createLessonCall(LESSON, chat));
        assertEquals(List.of(), tab(teacher));
        assertEquals(List.of(), tab(student(0)));
    }

    @Test
    @DisplayName("F-CALL-02: a lesson key taken in another class chat does not reveal that call to an outsider")
    void lessonKeyOfAnotherChat() {
        ChatId chat = classChat();
        teacher.calls().createLessonCall(LESSON, chat);
        SferumSession outsider = fixture.as(school.outsider());
        ChatId own = outsider.chats().create(new NewChat("Кружок", Set.of(school.parent().id()),
                ChatSettings.ownerOnly()));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider.calls().createLessonCall(LESSON, own));
        assertEquals(List.of(), tab(outsider));
    }

    @Test
    @DisplayName("F-SECT-02: the calls tab shows the calls of the user's chats only")
    void tabShowsOwnCalls() {
        ChatId chat = classChat();
        Call call = teacher.calls().createLessonCall(LESSON, chat);
        assertEquals(List.of(call.id()), tab(student(2)).stream().map(Call::id).collect(Collectors.toList()));
        assertEquals(List.of(), tab(fixture.as(school.outsider())));
        assertEquals(List.of(), tab(fixture.as(school.parent())));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> fixture.as(school.outsider()).calls().get(call.id()));
    }

    @Test
    @DisplayName("F-SECT-03, F-SECT-04: the lesson story: grey, then blue at the start time, then ended")
    void lessonStory() {
        ChatId chat = classChat();
        CallId id = teacher.calls().createLessonCall(LESSON, chat).id();
        SferumSession student = student(0);

        Call grey = student.calls().get(id);
        assertEquals(CallState.SCHEDULED, grey.state());
        assertEquals(Optional.empty(), grey.joinLink());

        fixture.advanceClock(Duration.ofMinutes(59).plusSeconds(59));
        assertEquals(CallState.SCHEDULED, student.calls().get(id).state());
        fixture.advanceClock(Duration.ofSeconds(1));
        Call blue = student.calls().get(id);
        assertEquals(CallState.RUNNING, blue.state());
        assertTrue(blue.joinLink().isPresent());
        assertEquals(blue.joinLink(), teacher.calls().get(id).joinLink());
        assertEquals(CallState.RUNNING, tab(student).get(0).state());

        teacher.calls().endForAll(id);
        Call ended = student.calls().get(id);
        assertEquals(CallState.ENDED, ended.state());
        assertEquals(Optional.empty(), ended.joinLink());
        assertEquals(CallState.ENDED, tab(student).get(0).state());
    }

    @Test
    @DisplayName("F-CALL-04: only the organiser ends a lesson call for everyone; ending twice is harmless")
    void onlyOrganiserEnds() {
        ChatId chat = classChat();
        CallId id = teacher.calls().createLessonCall(new Lesson("journal-now", "5в", "Чтение", START), chat).id();
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> student(0).calls().endForAll(id));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> fixture.as(school.outsider()).calls().endForAll(id));
        assertEquals(CallState.RUNNING, student(0).calls().get(id).state());
        teacher.calls().endForAll(id);
        teacher.calls().endForAll(id);
        assertEquals(CallState.ENDED, teacher.calls().get(id).state());
        assertFalse(teacher.calls().get(id).joinLink().isPresent());
        fixture.advanceClock(Duration.ofHours(2));
        assertEquals(CallState.ENDED, student(0).calls().get(id).state());
    }
}
