package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.Broadcast;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallRecordings;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.RecordingAudience;
import org.sferum.sdk.calls.RecordingAuthor;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.testkit.calls.GuestTicket;

/**
 * The contract of the call's own chat (F-CALL-11), recordings (F-CALL-10) and broadcasts of lesson calls
 * (F-CALL-06), and of a lesson's recordings linked back to the lesson (F-EMB-07): the organiser and the admins
 * they appoint record, one recording at a time; a stopped recording lands in the call's chat with its link; only
 * users with an educational profile in the recording's audience get the link, an anonymous guest never. Extend it
 * and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CALLS_BY_LINK, Capability.CALL_MANAGEMENT, Capability.CHAT_CALLS, Capability.LESSON_CALLS, Capability.MESSAGING, Capability.RECORDINGS})
public abstract class CallRecordingsContract extends CallContractSupport {
    private static final RecordingRequest LESSON_RECORDING = new RecordingRequest("Дроби, урок 2",
            RecordingAuthor.SCHOOL, RecordingAudience.PARTICIPANTS);

    /** Creates the contract. */
    protected CallRecordingsContract() {
    }

    /** The running call of the lesson {@link #NOW} with the teacher and the first student in it. */
    private CallId lessonWithStudent() {
        CallId id = runningLessonCall();
        teacher.calls().join(id);
        student(0).calls().join(id);
        return id;
    }

    private static CallRecordings recordings(SferumSession session) {
        return session.calls().recordings();
    }

    private static ChatId callChat(SferumSession who, CallId call) {
        return who.calls().get(call).callChat().orElseThrow(() -> new AssertionError("call has no chat"));
    }

    /** The messages of the call's chat that carry the link. */
    private static List<Message> postsWith(SferumSession who, CallId call, String link) {
        return history(who, callChat(who, call)).stream().filter(m -> m.text().contains(link))
                .collect(Collectors.toList());
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-11

    @Test
    @DisplayName("F-CALL-11: a call's own chat is created when the call starts, not before; those who join are "
            + "in it")
    void callChatCreatedAtStart() {
        CallId id = teacher.calls().createLessonCall(LATER, classChat()).id();
        assertEquals(Optional.empty(), teacher.calls().get(id).callChat());
        assertEquals(Optional.empty(), student(0).calls().get(id).callChat());

        fixture.advanceClock(Duration.ofHours(1));
        Call running = teacher.calls().get(id);
        assertTrue(running.callChat().isPresent());
        assertNotEquals(running.chat(), running.callChat(), "the call's chat is its own, not the class chat");
        student(0).calls().join(id);
        assertEquals(List.of(), history(student(0), callChat(student(0), id)));
        assertEquals(List.of(), history(teacher, callChat(teacher, id)));
    }

    @Test
    @DisplayName("F-CALL-11: a call in a chat and a call by link have their own chat from the start")
    void callChatOfChatAndLinkCalls() {
        Call inChat = teacher.calls().startInChat(classChat(), true);
        assertTrue(inChat.callChat().isPresent());
        assertNotEquals(inChat.chat(), inChat.callChat());
        Call byLink = teacher.calls().startByLink("Консультация", CallSettings.DEFAULT);
        assertTrue(byLink.callChat().isPresent());
        assertNotEquals(inChat.callChat(), byLink.callChat());
    }

    @Test
    @DisplayName("F-CALL-05, F-CALL-11: those in the call talk in its chat; a classmate who never joined is not "
            + "in it")
    void talkInCallChat() {
        CallId id = lessonWithStudent();
        ChatId chat = callChat(student(0), id);
        student(0).messages().send(chat, Draft.text("Можно вопрос?"));
        List<Message> seen = history(teacher, callChat(teacher, id));
        assertEquals(1, seen.size());
        assertEquals("Можно вопрос?", seen.get(0).text());
        assertEquals(studentId(0), seen.get(0).author());
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> student(2).messages().history(callChat(student(2), id),
                        HistoryQuery.newestFirst(10)));
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-10

    @Test
    @DisplayName("F-CALL-10, F-CALL-11: the organiser records with a title, on whose behalf and for whom; "
            + "stopped, it lands in the call's chat with its link")
    void recordAndPostInCallChat() {
        CallId id = lessonWithStudent();
        Recording started = recordings(teacher).start(id, LESSON_RECORDING);
        assertTrue(started.recording());
        assertEquals("Дроби, урок 2", started.title());
        assertEquals(RecordingAuthor.SCHOOL, started.author());
        assertEquals(RecordingAudience.PARTICIPANTS, started.audience());
        assertEquals(school.teacher().id(), started.recordedBy());
        assertEquals(START, started.startedAt());
        assertEquals(Optional.empty(), started.link(), "no link while recording");
        assertEquals(List.of(started.id()), recordings(student(0)).list(id).stream().map(Recording::id)
                .collect(Collectors.toList()));

        fixture.advanceClock(Duration.ofSeconds(90));
        Recording running = recordings(teacher).list(id).get(0);
        assertTrue(running.recording());
        assertEquals(Duration.ofSeconds(90), running.duration(START.plus(Duration.ofSeconds(90))),
                "the duration counter runs on the clock");

        Recording stopped = recordings(teacher).stop(id);
        assertFalse(stopped.recording());
        assertEquals(Optional.of(START.plus(Duration.ofSeconds(90))), stopped.stoppedAt());
        assertEquals(Duration.ofSeconds(90), stopped.duration(START.plus(Duration.ofHours(1))));
        String link = stopped.link().orElseThrow();

        List<Message> posts = postsWith(student(0), id, link);
        assertEquals(1, posts.size(), "the recording is posted once in the call's chat");
        assertEquals(school.teacher().id(), posts.get(0).author());
        assertEquals(Optional.of(link), recordings(student(0)).get(stopped.id()).link());
        assertEquals(List.of(stopped), recordings(teacher).list(id));
    }

    @Test
    @DisplayName("F-CALL-10: a participant may not start or stop a recording (CALL_ADMIN_REQUIRED); nothing "
            + "changes")
    void participantCannotRecord() {
        CallId id = lessonWithStudent();
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> recordings(student(0)).start(id, RecordingRequest.titled("Моя запись")));
        assertEquals(List.of(), recordings(teacher).list(id));

        recordings(teacher).start(id, LESSON_RECORDING);
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> recordings(student(0)).stop(id));
        assertTrue(recordings(teacher).list(id).get(0).recording());
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> recordings(outsider()).list(id));
    }

    @Test
    @DisplayName("F-CALL-10: one recording at a time; stopping when none runs is refused "
            + "(RECORDING_STATE_CONFLICT)")
    void oneRecordingAtATime() {
        CallId id = lessonWithStudent();
        refused(ConflictException.class, ErrorCode.RECORDING_STATE_CONFLICT, () -> recordings(teacher).stop(id));
        assertEquals(List.of(), recordings(teacher).list(id));

        Recording first = recordings(teacher).start(id, LESSON_RECORDING);
        refused(ConflictException.class, ErrorCode.RECORDING_STATE_CONFLICT,
                () -> recordings(teacher).start(id, RecordingRequest.titled("Ещё одна")));
        assertEquals(List.of(first.id()), recordings(teacher).list(id).stream().map(Recording::id)
                .collect(Collectors.toList()));

        recordings(teacher).stop(id);
        Recording second = recordings(teacher).start(id, RecordingRequest.titled("Вторая часть"));
        assertNotEquals(first.id(), second.id());
        assertEquals(2, recordings(teacher).list(id).size());
    }

    @Test
    @DisplayName("F-CALL-10: recording before the start, outside the call, or after the end is refused")
    void recordingNeedsRunningCallAndPresence() {
        CallId later = teacher.calls().createLessonCall(LATER, classChat()).id();
        refused(ConflictException.class, ErrorCode.CALL_NOT_STARTED,
                () -> recordings(teacher).start(later, LESSON_RECORDING));

        CallId id = runningLessonCall();
        refused(ConflictException.class, ErrorCode.NOT_IN_CALL,
                () -> recordings(teacher).start(id, LESSON_RECORDING));
        teacher.calls().join(id);
        teacher.calls().endForAll(id);
        refused(ConflictException.class, ErrorCode.CALL_ENDED,
                () -> recordings(teacher).start(id, LESSON_RECORDING));
        assertEquals(List.of(), recordings(teacher).list(id));
        assertEquals(List.of(), recordings(teacher).list(later));
    }

    @Test
    @DisplayName("F-CALL-10: an admin the organiser appoints records too")
    void adminRecords() {
        CallId id = runningLessonCall();
        teacher.calls().join(id);
        CallJoin join = student(0).calls().join(id);
        teacher.calls().participants().setAdmin(id, join.participant(), true);
        Recording r = recordings(student(0)).start(id, RecordingRequest.titled("Запись помощника"));
        assertEquals(studentId(0), r.recordedBy());
        Recording stopped = recordings(student(0)).stop(id);
        String link = stopped.link().orElseThrow();
        assertEquals(studentId(0), postsWith(teacher, id, link).get(0).author());
    }

    @Test
    @DisplayName("F-CALL-10: «only me»: the others see the recording without its link and are refused it "
            + "(RECORDING_NOT_VISIBLE)")
    void onlyMe() {
        CallId id = lessonWithStudent();
        recordings(teacher).start(id, new RecordingRequest("Для себя", RecordingAuthor.SELF,
                RecordingAudience.ONLY_ME));
        Recording mine = recordings(teacher).stop(id);
        assertTrue(mine.link().isPresent());

        Recording seen = recordings(student(0)).list(id).get(0);
        assertEquals(mine.id(), seen.id());
        assertEquals(Optional.empty(), seen.link());
        refused(PermissionDeniedException.class, ErrorCode.RECORDING_NOT_VISIBLE,
                () -> recordings(student(0)).get(mine.id()));
        assertEquals(Optional.empty(), recordings(student(0)).forLesson(NOW.lessonKey()).get(0).link());
        assertEquals(mine.link(), recordings(teacher).get(mine.id()).link());
        ChatId callChat = teacher.calls().get(id).callChat().orElseThrow();
        List<Message> posted = history(teacher, callChat);
        assertTrue(posted.stream().anyMatch(m -> m.text().contains("Для себя")), "posted in the call's chat");
        assertTrue(posted.stream().noneMatch(m -> m.text().contains(mine.link().get())),
                "an «only me» recording's link is not posted for the whole chat");
    }

    @Test
    @DisplayName("F-CALL-10: «participants»: those of the call get the link, a user outside it does not")
    void participantsAudience() {
        CallId id = lessonWithStudent();
        recordings(teacher).start(id, LESSON_RECORDING);
        Recording r = recordings(teacher).stop(id);
        assertEquals(r.link(), recordings(student(0)).get(r.id()).link());
        assertEquals(r.link(), recordings(student(2)).get(r.id()).link(), "a member of the class chat takes part");
        refused(PermissionDeniedException.class, ErrorCode.RECORDING_NOT_VISIBLE,
                () -> recordings(outsider()).get(r.id()));
    }

    @Test
    @DisplayName("F-CALL-07, F-CALL-10: one turned away from the waiting room never took part: no link to a "
            + "recording for the participants")
    void rejectedKnockerGetsNoLink() {
        Call call = teacher.calls().startByLink("Консультация", CallSettings.DEFAULT.withWaitingRoom(true));
        CallJoin knock = outsider().calls().joinByLink(call.joinLink().orElseThrow());
        teacher.calls().participants().reject(call.id(), knock.participant());
        recordings(teacher).start(call.id(), RecordingRequest.titled("Консультация"));
        Recording r = recordings(teacher).stop(call.id());
        assertTrue(r.link().isPresent());
        refused(PermissionDeniedException.class, ErrorCode.RECORDING_NOT_VISIBLE,
                () -> recordings(outsider()).get(r.id()));
    }

    @Test
    @DisplayName("F-CALL-10: «educational profiles»: any user with an educational profile gets the link")
    void educationalProfilesAudience() {
        CallId id = lessonWithStudent();
        recordings(teacher).start(id, new RecordingRequest("Открытый урок", RecordingAuthor.SCHOOL,
                RecordingAudience.EDUCATIONAL_PROFILES));
        Recording r = recordings(teacher).stop(id);
        assertEquals(r.link(), recordings(outsider()).get(r.id()).link());
        assertEquals(r.link(), recordings(fixture.as(school.parent())).get(r.id()).link());
    }

    @Test
    @DisplayName("F-CALL-10: a user without an educational profile (an anonymous guest) never gets a "
            + "recording's link, whatever its audience")
    void guestNeverGetsLink() {
        Call call = teacher.calls().startByLink("Открытый урок", CallSettings.DEFAULT.withAnonymousAllowed(true));
        GuestTicket guest = fixture.guests().join(call.joinLink().orElseThrow(), "Гость");
        recordings(teacher).start(call.id(), new RecordingRequest("Для всех", RecordingAuthor.SCHOOL,
                RecordingAudience.EDUCATIONAL_PROFILES));
        Recording open = recordings(teacher).stop(call.id());
        recordings(teacher).start(call.id(), RecordingRequest.titled("Для участников"));
        Recording forParticipants = recordings(teacher).stop(call.id());

        refused(PermissionDeniedException.class, ErrorCode.EDUCATIONAL_PROFILE_REQUIRED,
                () -> fixture.guests().recordingLink(guest, open.id()));
        refused(PermissionDeniedException.class, ErrorCode.EDUCATIONAL_PROFILE_REQUIRED,
                () -> fixture.guests().recordingLink(guest, forParticipants.id()));
        refused(NotFoundException.class, ErrorCode.RECORDING_NOT_FOUND,
                () -> fixture.guests().recordingLink(guest, new RecordingId("rec999_nosuch")));
        assertTrue(recordings(teacher).get(open.id()).link().isPresent());
    }

    @Test
    @DisplayName("F-CALL-10: an unknown recording is RECORDING_NOT_FOUND")
    void unknownRecording() {
        lessonWithStudent();
        refused(NotFoundException.class, ErrorCode.RECORDING_NOT_FOUND,
                () -> recordings(teacher).get(new RecordingId("rec999_nosuch")));
        assertEquals(List.of(), recordings(teacher).forLesson(NOW.lessonKey()));
    }

    @Test
    @DisplayName("F-CALL-04, F-CALL-10: ending for everyone stops a running recording, which lands in the "
            + "call's chat")
    void endStopsRecording() {
        CallId id = lessonWithStudent();
        recordings(teacher).start(id, LESSON_RECORDING);
        fixture.advanceClock(Duration.ofMinutes(40));
        teacher.calls().endForAll(id);
        Recording r = recordings(student(0)).list(id).get(0);
        assertFalse(r.recording());
        assertEquals(Optional.of(START.plus(Duration.ofMinutes(40))), r.stoppedAt());
        assertEquals(1, postsWith(student(0), id, r.link().orElseThrow()).size());
    }

    // ------------------------------------------------------------------------------------------------ F-EMB-07

    @Test
    @DisplayName("F-EMB-07, F-CALL-06: a lesson's recording is linked back to the lesson, not only posted in the "
            + "call's chat")
    void lessonRecordingLinkedToLesson() {
        CallId id = lessonWithStudent();
        recordings(teacher).start(id, LESSON_RECORDING);
        Recording r = recordings(teacher).stop(id);
        assertEquals(Optional.of(NOW.lessonKey()), r.lessonKey());

        List<Recording> ofLesson = recordings(student(1)).forLesson(NOW.lessonKey());
        assertEquals(List.of(r.id()), ofLesson.stream().map(Recording::id).collect(Collectors.toList()));
        assertEquals(r.link(), ofLesson.get(0).link());
        assertEquals(List.of(r), recordings(teacher).forLesson(NOW.lessonKey()));
        assertEquals(1, postsWith(teacher, id, r.link().orElseThrow()).size());
    }

    @Test
    @DisplayName("F-EMB-07: a lesson's recordings stay hidden from those outside it; an unknown lesson has none; "
            + "a call by link is no lesson's")
    void lessonRecordingsHidden() {
        CallId id = lessonWithStudent();
        recordings(teacher).start(id, LESSON_RECORDING);
        recordings(teacher).stop(id);
        assertEquals(List.of(), recordings(outsider()).forLesson(NOW.lessonKey()));
        assertEquals(List.of(), recordings(teacher).forLesson("journal-no-such-lesson"));
        assertEquals(List.of(), recordings(teacher).forLesson(LATER.lessonKey()));

        Call byLink = teacher.calls().startByLink("Консультация", CallSettings.DEFAULT);
        recordings(teacher).start(byLink.id(), RecordingRequest.titled("Консультация"));
        assertEquals(Optional.empty(), recordings(teacher).stop(byLink.id()).lessonKey());
        assertEquals(1, recordings(teacher).forLesson(NOW.lessonKey()).size());
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-06

    @Test
    @DisplayName("F-CALL-06: the organiser broadcasts a lesson call; everyone sees the watch link until it stops")
    void broadcastLessonCall() {
        CallId id = lessonWithStudent();
        Broadcast broadcast = recordings(teacher).startBroadcast(id, "Трансляция урока");
        assertEquals("Трансляция урока", broadcast.title());
        assertFalse(broadcast.watchLink().isBlank());
        assertEquals(START, broadcast.startedAt());
        assertEquals(Optional.of(broadcast), student(2).calls().get(id).broadcast());

        recordings(teacher).stopBroadcast(id);
        assertEquals(Optional.empty(), student(2).calls().get(id).broadcast());
    }

    @Test
    @DisplayName("F-CALL-06: a broadcast only from a lesson call, only by the organiser or admins, one at a time; "
            + "nothing changes when refused")
    void broadcastRefused() {
        CallId id = lessonWithStudent();
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> recordings(student(0)).startBroadcast(id, "Моя трансляция"));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> recordings(teacher).startBroadcast(id, " "));
        refused(ConflictException.class, ErrorCode.RECORDING_STATE_CONFLICT,
                () -> recordings(teacher).stopBroadcast(id));
        assertEquals(Optional.empty(), teacher.calls().get(id).broadcast());

        Broadcast running = recordings(teacher).startBroadcast(id, "Трансляция урока");
        refused(ConflictException.class, ErrorCode.RECORDING_STATE_CONFLICT,
                () -> recordings(teacher).startBroadcast(id, "Ещё одна"));
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> recordings(student(0)).stopBroadcast(id));
        assertEquals(Optional.of(running), teacher.calls().get(id).broadcast());

        Call inChat = teacher.calls().startInChat(classChat(), true);
        refused(ConflictException.class, ErrorCode.CONFLICT,
                () -> recordings(teacher).startBroadcast(inChat.id(), "Трансляция"));
        assertEquals(Optional.empty(), teacher.calls().get(inChat.id()).broadcast());
    }

    @Test
    @DisplayName("F-CALL-04, F-CALL-06: ending for everyone stops the broadcast")
    void endStopsBroadcast() {
        CallId id = lessonWithStudent();
        recordings(teacher).startBroadcast(id, "Трансляция урока");
        teacher.calls().endForAll(id);
        assertEquals(Optional.empty(), student(0).calls().get(id).broadcast());
    }
}
