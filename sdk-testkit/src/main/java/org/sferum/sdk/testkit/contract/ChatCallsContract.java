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
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.CallLinks;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.JoinStatus;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.users.UserId;

/**
 * The contract of calls in a chat (F-CALL-01), of joining by id, browser link and app link (F-CALL-03), and of
 * leaving or ending for everyone (F-CALL-04): who may start, join and end, when (on the shared clock), and what
 * every participant sees afterwards. Extend it and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CALLS_BY_LINK, Capability.CALL_MANAGEMENT, Capability.CHAT_CALLS, Capability.LESSON_CALLS})
public abstract class ChatCallsContract extends CallContractSupport {

    /** Creates the contract. */
    protected ChatCallsContract() {
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-01

    @Test
    @DisplayName("F-CALL-01: a member starts a video call in a chat; the starter is its organiser and in it")
    void memberStartsVideoCall() {
        ChatId chat = openClassChat();
        SferumSession starter = student(0);
        Call call = starter.calls().startInChat(chat, true);

        assertEquals(CallKind.CHAT, call.kind());
        assertEquals(CallState.RUNNING, call.state());
        assertTrue(call.video());
        assertEquals(studentId(0), call.organiser());
        assertEquals(Optional.of(chat), teacher.calls().get(call.id()).chat());
        assertTrue(call.joinLink().isPresent());
        List<Participant> in = inCall(starter, call.id());
        assertEquals(1, in.size());
        assertEquals(Optional.of(studentId(0)), in.get(0).user());
        assertEquals(CallRole.ORGANISER, in.get(0).role());
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(call.id()), tabIds(student(i)), "student " + i + " sees the chat's call");
        }
        assertEquals(List.of(call.id()), tabIds(teacher));
        assertEquals(List.of(), tabIds(outsider()));
    }

    @Test
    @DisplayName("F-CALL-01: an audio call; starting again while it runs returns the same call and joins it")
    void audioCallStartedTwice() {
        ChatId chat = openClassChat();
        Call first = teacher.calls().startInChat(chat, false);
        assertFalse(first.video());
        Call second = student(1).calls().startInChat(chat, true);

        assertEquals(first.id(), second.id());
        assertFalse(second.video());
        assertEquals(school.teacher().id(), second.organiser());
        assertEquals(List.of(school.teacher().id(), studentId(1)), usersInCall(teacher, first.id()));
        assertEquals(1, tab(student(2)).size());
    }

    @Test
    @DisplayName("F-CALL-01: a one-to-one chat's call: either side starts it, the other joins")
    void directChatCall() {
        classChat();
        ChatId withStudent = ChatId.direct(studentId(0));
        Call call = teacher.calls().startInChat(withStudent, true);
        assertEquals(CallKind.CHAT, call.kind());
        assertEquals(List.of(call.id()), tabIds(student(0)));
        assertEquals(List.of(), tabIds(student(1)));

        CallJoin join = student(0).calls().join(call.id());
        assertEquals(JoinStatus.IN_CALL, join.status());
        assertEquals(List.of(school.teacher().id(), studentId(0)), usersInCall(teacher, call.id()));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> student(1).calls().join(call.id()));
        assertEquals(List.of(school.teacher().id(), studentId(0)), usersInCall(teacher, call.id()));
    }

    @Test
    @DisplayName("F-CALL-01: a member the chat's settings do not let call, and a non-member, are refused; "
            + "nothing starts")
    void startRefused() {
        ChatId chat = classChat();
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(0).calls().startInChat(chat, true));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> outsider().calls().startInChat(chat, true));
        assertEquals(List.of(), tab(teacher));
        assertEquals(List.of(), tab(student(0)));
        assertEquals(List.of(), tab(outsider()));
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-03

    @Test
    @DisplayName("F-CALL-03: joining gives the browser link, the app's deep link and short credentials; "
            + "the starter is the administrator")
    void joinGivesLinks() {
        ChatId chat = openClassChat();
        Call call = teacher.calls().startInChat(chat, true);
        CallJoin join = student(0).calls().join(call.id());

        assertEquals(JoinStatus.IN_CALL, join.status());
        assertEquals(CallRole.PARTICIPANT, join.role());
        CallLinks links = join.call().links().orElseThrow();
        assertFalse(links.browser().isBlank());
        assertFalse(links.app().isBlank());
        assertNotEquals(links.browser(), links.app());
        assertFalse(links.shortCredentials().id().isBlank());
        assertFalse(links.shortCredentials().password().isBlank());
        assertEquals(call.links(), join.call().links());
        assertEquals(Optional.of(links.browser()), join.call().joinLink());
        String linkKey = links.browser().substring(links.browser().lastIndexOf('/') + 1);
        assertFalse(call.id().value().contains(linkKey), "knowing a call's id must not give its join link");

        Participant organiser = inCall(student(0), call.id()).get(0);
        assertEquals(Optional.of(school.teacher().id()), organiser.user());
        assertEquals(CallRole.ORGANISER, organiser.role());
        assertEquals(CallRole.PARTICIPANT, participant(teacher, call.id(), join.participant()).role());
    }

    @Test
    @DisplayName("F-CALL-03: joining again while in the call changes nothing")
    void joinTwice() {
        CallId id = teacher.calls().startInChat(openClassChat(), true).id();
        CallJoin first = student(0).calls().join(id);
        CallJoin again = student(0).calls().join(id);
        assertEquals(first.participant(), again.participant());
        assertEquals(JoinStatus.IN_CALL, again.status());
        assertEquals(List.of(school.teacher().id(), studentId(0)), usersInCall(teacher, id));
    }

    @Test
    @DisplayName("F-CALL-03: a member joins by the browser link; an outsider holding the link is refused, "
            + "nothing changes")
    void joinByLink() {
        Call call = teacher.calls().startInChat(openClassChat(), true);
        String link = call.joinLink().orElseThrow();

        CallJoin join = student(2).calls().joinByLink(link);
        assertEquals(call.id(), join.call().id());
        assertEquals(JoinStatus.IN_CALL, join.status());

        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().joinByLink(link));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().join(call.id()));
        assertEquals(List.of(school.teacher().id(), studentId(2)), usersInCall(teacher, call.id()));
        assertEquals(List.of(), tab(outsider()));
    }

    @Test
    @DisplayName("F-CALL-03: joining before the start is refused with CALL_NOT_STARTED; nothing changes")
    void joinBeforeStart() {
        CallId id = teacher.calls().createLessonCall(LATER, classChat()).id();
        refused(ConflictException.class, ErrorCode.CALL_NOT_STARTED, () -> student(0).calls().join(id));
        refused(ConflictException.class, ErrorCode.CALL_NOT_STARTED, () -> teacher.calls().join(id));
        assertEquals(List.of(), inCall(teacher, id));
        assertEquals(CallState.SCHEDULED, student(0).calls().get(id).state());
        assertEquals(Optional.empty(), student(0).calls().get(id).joinLink());

        fixture.advanceClock(Duration.ofHours(1));
        assertEquals(JoinStatus.IN_CALL, student(0).calls().join(id).status());
        assertEquals(List.of(studentId(0)), usersInCall(teacher, id));
    }

    @Test
    @DisplayName("F-CALL-03: joining after the end, by id or by a link kept from before, is refused with "
            + "CALL_ENDED")
    void joinAfterEnd() {
        Call call = teacher.calls().startInChat(openClassChat(), true);
        String link = call.joinLink().orElseThrow();
        teacher.calls().endForAll(call.id());

        refused(ConflictException.class, ErrorCode.CALL_ENDED, () -> student(0).calls().join(call.id()));
        refused(ConflictException.class, ErrorCode.CALL_ENDED, () -> student(0).calls().joinByLink(link));
        assertEquals(List.of(), inCall(teacher, call.id()));
        assertEquals(CallState.ENDED, student(0).calls().get(call.id()).state());
    }

    @Test
    @DisplayName("F-CALL-03: an unknown call or link is CALL_NOT_FOUND")
    void unknownCall() {
        Call call = teacher.calls().startInChat(openClassChat(), true);
        String link = call.joinLink().orElseThrow();
        String unknown = link.substring(0, link.lastIndexOf('/') + 1) + "nosuchcall";
        refused(NotFoundException.class, ErrorCode.CALL_NOT_FOUND,
                () -> student(0).calls().join(new CallId("chat999_nosuchcall")));
        refused(NotFoundException.class, ErrorCode.CALL_NOT_FOUND,
                () -> student(0).calls().get(new CallId("chat999_nosuchcall")));
        refused(NotFoundException.class, ErrorCode.CALL_NOT_FOUND, () -> student(0).calls().joinByLink(unknown));
        assertEquals(List.of(school.teacher().id()), usersInCall(teacher, call.id()));
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-04

    @Test
    @DisplayName("F-CALL-04: leaving does not close the call: the others stay, it still runs, the leaver may "
            + "come back")
    void leaveKeepsCallRunning() {
        CallId id = teacher.calls().startInChat(openClassChat(), true).id();
        student(0).calls().join(id);
        student(1).calls().join(id);

        student(0).calls().leave(id);
        assertEquals(List.of(school.teacher().id(), studentId(1)), usersInCall(teacher, id));
        assertEquals(CallState.RUNNING, student(0).calls().get(id).state());
        assertTrue(student(0).calls().get(id).joinLink().isPresent());

        teacher.calls().leave(id);
        assertEquals(List.of(studentId(1)), usersInCall(student(1), id));
        assertEquals(CallState.RUNNING, student(1).calls().get(id).state());

        assertEquals(JoinStatus.IN_CALL, student(0).calls().join(id).status());
        assertEquals(List.of(studentId(1), studentId(0)), usersInCall(student(1), id));
    }

    @Test
    @DisplayName("F-CALL-04: leaving a call one is not in changes nothing")
    void leaveWhenNotIn() {
        CallId id = teacher.calls().startInChat(openClassChat(), true).id();
        student(2).calls().leave(id);
        student(2).calls().leave(id);
        assertEquals(List.of(school.teacher().id()), usersInCall(teacher, id));
        assertEquals(CallState.RUNNING, teacher.calls().get(id).state());
    }

    @Test
    @DisplayName("F-CALL-04: ending for everyone closes the call for all participants")
    void endForAllClosesForEveryone() {
        ChatId chat = openClassChat();
        CallId id = teacher.calls().startInChat(chat, true).id();
        student(0).calls().join(id);
        student(1).calls().join(id);
        fixture.advanceClock(Duration.ofMinutes(5));

        teacher.calls().endForAll(id);
        for (SferumSession who : List.of(teacher, student(0), student(1), student(2))) {
            Call ended = who.calls().get(id);
            assertEquals(CallState.ENDED, ended.state());
            assertEquals(Optional.empty(), ended.links());
            assertEquals(Optional.of(START.plus(Duration.ofMinutes(5))), ended.endedAt());
            assertEquals(List.of(), inCall(who, id));
        }
        Call next = student(0).calls().startInChat(chat, true);
        assertNotEquals(id, next.id());
        assertEquals(CallState.RUNNING, next.state());
        assertEquals(CallState.ENDED, teacher.calls().get(id).state());
    }

    @Test
    @DisplayName("F-CALL-04: a participant may not end for everyone (CALL_ADMIN_REQUIRED), an outsider is not "
            + "invited; the call goes on")
    void endForAllRefused() {
        CallId id = teacher.calls().startInChat(openClassChat(), true).id();
        student(0).calls().join(id);
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> student(0).calls().endForAll(id));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().endForAll(id));
        assertEquals(CallState.RUNNING, student(0).calls().get(id).state());
        assertEquals(List.of(school.teacher().id(), studentId(0)), usersInCall(student(0), id));
    }

    @Test
    @DisplayName("F-CALL-04: an admin the organiser appoints may end for everyone; ending again changes nothing")
    void adminEndsForAll() {
        CallId id = teacher.calls().startInChat(openClassChat(), true).id();
        CallJoin join = student(0).calls().join(id);
        teacher.calls().participants().setAdmin(id, join.participant(), true);

        student(0).calls().endForAll(id);
        teacher.calls().endForAll(id);
        assertEquals(CallState.ENDED, teacher.calls().get(id).state());
        assertEquals(List.of(), inCall(teacher, id));
    }

    @Test
    @DisplayName("F-CALL-04: the organiser leaving does not end the call; only ending for everyone does")
    void organiserLeaves() {
        CallId id = teacher.calls().startInChat(openClassChat(), true).id();
        student(0).calls().join(id);
        teacher.calls().leave(id);
        UserId only = studentId(0);
        assertEquals(List.of(only), usersInCall(student(0), id));
        assertEquals(CallState.RUNNING, student(0).calls().get(id).state());
        teacher.calls().endForAll(id);
        assertEquals(CallState.ENDED, student(0).calls().get(id).state());
        assertEquals(List.of(), inCall(student(0), id));
    }
    @Test
    @DisplayName("F-CALL-04: ending a scheduled lesson call cancels it: it never turns blue, nobody can join")
    void endBeforeStart() {
        CallId id = teacher.calls().createLessonCall(LATER, classChat()).id();
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> student(0).calls().endForAll(id));
        assertEquals(CallState.SCHEDULED, student(0).calls().get(id).state());
        teacher.calls().endForAll(id);
        fixture.advanceClock(Duration.ofHours(1));
        Call call = student(0).calls().get(id);
        assertEquals(CallState.ENDED, call.state());
        assertEquals(Optional.empty(), call.links());
        refused(ConflictException.class, ErrorCode.CALL_ENDED, () -> student(0).calls().join(id));
        assertEquals(id, teacher.calls().createLessonCall(LATER, teacher.calls().get(id).chat().orElseThrow())
                .id(), "the lesson keeps its (ended) call");
    }

    @Test
    @DisplayName("F-SECT-02: the tab lists every call the user takes part in, newest first, with type, title and "
            + "times; a link only while the call runs")
    void tabOfEveryKind() {
        ChatId chat = openClassChat();
        CallId lesson = teacher.calls().createLessonCall(LATER, chat).id();
        fixture.advanceClock(Duration.ofMinutes(1));
        CallId ended = teacher.calls().startInChat(chat, false).id();
        teacher.calls().endForAll(ended);
        fixture.advanceClock(Duration.ofMinutes(1));
        CallId running = teacher.calls().startInChat(chat, true).id();
        Call byLink = outsider().calls().startByLink("Кружок робототехники",
                CallSettings.DEFAULT);
        student(0).calls().joinByLink(byLink.joinLink().orElseThrow());

        List<Call> calls = tab(student(0));
        assertEquals(List.of(byLink.id(), running, ended, lesson),
                calls.stream().map(Call::id).collect(Collectors.toList()));
        assertEquals(List.of(CallKind.LINK, CallKind.CHAT, CallKind.CHAT, CallKind.LESSON),
                calls.stream().map(Call::kind).collect(Collectors.toList()));
        assertEquals(List.of(CallState.RUNNING, CallState.RUNNING, CallState.ENDED, CallState.SCHEDULED),
                calls.stream().map(Call::state).collect(Collectors.toList()));
        assertEquals(List.of(true, true, false, false),
                calls.stream().map(c -> c.joinLink().isPresent()).collect(Collectors.toList()));
        assertEquals("Кружок робототехники", calls.get(0).title());
        assertTrue(calls.get(3).title().contains(LATER.subject()), calls.get(3).title());
        assertEquals(LATER.startsAt(), calls.get(3).startsAt());
        assertEquals(START.plus(Duration.ofMinutes(1)), calls.get(2).startsAt());
        assertEquals(Optional.of(START.plus(Duration.ofMinutes(1))), calls.get(2).endedAt());
        assertEquals(Optional.empty(), calls.get(1).endedAt());

        assertEquals(List.of(running, ended, lesson), tabIds(student(1)), "a call by link only once joined");
        assertEquals(List.of(byLink.id()), tabIds(outsider()));
    }

}
