package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.JoinStatus;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.calls.GuestTicket;

/**
 * The contract of calls by link (F-CALL-07) and invitations (F-CALL-08): anonymous participants forbidden by
 * default and let in only when allowed; the waiting room where the organiser admits or rejects each one, and nobody
 * acting while waiting; registered users holding the link; contacts invited from a running call; the link of a call
 * of a chat or lesson letting in only those invited. Anonymous guests come through
 * {@link SferumFixture#guests()}. Extend it and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CALLS_BY_LINK, Capability.CALL_MANAGEMENT, Capability.CHAT_ADMIN})
public abstract class CallByLinkContract extends CallContractSupport {
    private static final CallSettings ANONYMOUS = CallSettings.DEFAULT.withAnonymousAllowed(true);
    private static final CallSettings WAITING_ROOM = CallSettings.DEFAULT.withWaitingRoom(true);
    private static final CallSettings ANONYMOUS_WAITING = ANONYMOUS.withWaitingRoom(true);

    /** Creates the contract. */
    protected CallByLinkContract() {
    }

    private Call byLink(CallSettings settings) {
        return teacher.calls().startByLink("Родительское собрание", settings);
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-07

    @Test
    @DisplayName("F-CALL-07: a call by link runs at once with its link; the creator is its organiser and in it")
    void createByLink() {
        Call call = byLink(CallSettings.DEFAULT);
        assertEquals(CallKind.LINK, call.kind());
        assertEquals(CallState.RUNNING, call.state());
        assertEquals("Родительское собрание", call.title());
        assertEquals(school.teacher().id(), call.organiser());
        assertEquals(Optional.empty(), call.chat());
        assertEquals(CallSettings.DEFAULT, call.settings());
        assertFalse(call.settings().anonymousAllowed(), "anonymous participants are forbidden by default");
        assertTrue(call.joinLink().isPresent());
        List<Participant> in = inCall(teacher, call.id());
        assertEquals(1, in.size());
        assertEquals(CallRole.ORGANISER, in.get(0).role());
        assertEquals(List.of(call.id()), tabIds(teacher));
        assertEquals(List.of(), tabIds(student(0)));
    }

    @Test
    @DisplayName("F-CALL-07: a title that is blank or too long is refused; nothing is created")
    void badTitle() {
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> teacher.calls().startByLink(" ", CallSettings.DEFAULT));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> teacher.calls().startByLink("x".repeat(129), CallSettings.DEFAULT));
        assertEquals(List.of(), tab(teacher));
    }

    @Test
    @DisplayName("F-CALL-07: anonymous participants are refused when forbidden (the default); nothing changes")
    void anonymousForbidden() {
        Call call = byLink(WAITING_ROOM);
        String link = call.joinLink().orElseThrow();
        refused(PermissionDeniedException.class, ErrorCode.ANONYMOUS_NOT_ALLOWED,
                () -> fixture.guests().join(link, "Гость"));
        assertEquals(List.of(school.teacher().id()), usersInCall(teacher, call.id()));
        assertEquals(1, inCall(teacher, call.id()).size());
        assertEquals(List.of(), waiting(teacher, call.id()));
    }

    @Test
    @DisplayName("F-CALL-07: where allowed and without a waiting room, an anonymous guest joins at once, "
            + "shown with their name")
    void anonymousAllowed() {
        Call call = byLink(ANONYMOUS);
        GuestTicket guest = fixture.guests().join(call.joinLink().orElseThrow(), "Бабушка Ивана");
        assertEquals(GuestStatus.IN_CALL, fixture.guests().status(guest));
        Participant seen = participant(teacher, call.id(), guest.participant());
        assertTrue(seen.anonymous());
        assertEquals("Бабушка Ивана", seen.name());
        assertEquals(CallRole.PARTICIPANT, seen.role());

        fixture.guests().leave(guest);
        assertEquals(GuestStatus.LEFT, fixture.guests().status(guest));
        assertEquals(1, inCall(teacher, call.id()).size());
    }

    @Test
    @DisplayName("F-CALL-07: a guest's name must be 1 to 64 characters; nothing changes")
    void guestBadName() {
        Call call = byLink(ANONYMOUS);
        String link = call.joinLink().orElseThrow();
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> fixture.guests().join(link, " "));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> fixture.guests().join(link, "x".repeat(65)));
        assertEquals(1, inCall(teacher, call.id()).size());
    }

    @Test
    @DisplayName("F-CALL-07: a registered user holding the link joins, and then sees the call in the tab")
    void userWithLinkJoins() {
        Call call = byLink(CallSettings.DEFAULT);
        CallJoin join = outsider().calls().joinByLink(call.joinLink().orElseThrow());
        assertEquals(JoinStatus.IN_CALL, join.status());
        assertEquals(CallRole.PARTICIPANT, join.role());
        assertEquals(List.of(school.teacher().id(), school.outsider().id()), usersInCall(teacher, call.id()));
        assertEquals(List.of(call.id()), tabIds(outsider()));
    }

    @Test
    @DisplayName("F-CALL-07: with a waiting room, a user holding the link waits until the organiser admits them")
    void waitingRoomAdmit() {
        Call call = byLink(WAITING_ROOM);
        CallJoin join = outsider().calls().joinByLink(call.joinLink().orElseThrow());
        assertEquals(JoinStatus.WAITING, join.status());
        List<WaitingParticipant> room = teacher.calls().participants().waitingRoom(call.id());
        assertEquals(1, room.size());
        assertEquals(join.participant(), room.get(0).id());
        assertEquals(Optional.of(school.outsider().id()), room.get(0).user());
        assertEquals(List.of(school.teacher().id()), usersInCall(teacher, call.id()));

        teacher.calls().participants().admit(call.id(), join.participant());
        assertEquals(List.of(), waiting(teacher, call.id()));
        assertEquals(List.of(school.teacher().id(), school.outsider().id()), usersInCall(teacher, call.id()));
        assertEquals(List.of(school.teacher().id(), school.outsider().id()), usersInCall(outsider(), call.id()));
    }

    @Test
    @DisplayName("F-CALL-07: the organiser rejects one waiting; they are not in the call and may knock again")
    void waitingRoomReject() {
        Call call = byLink(WAITING_ROOM);
        String link = call.joinLink().orElseThrow();
        CallJoin join = outsider().calls().joinByLink(link);
        teacher.calls().participants().reject(call.id(), join.participant());
        assertEquals(List.of(), waiting(teacher, call.id()));
        assertEquals(List.of(school.teacher().id()), usersInCall(teacher, call.id()));

        CallJoin again = outsider().calls().joinByLink(link);
        assertEquals(JoinStatus.WAITING, again.status());
        assertEquals(List.of(again.participant()), waiting(teacher, call.id()));
    }

    @Test
    @DisplayName("F-CALL-07: skipping the waiting room is refused: one waiting cannot act in the call, and "
            + "joining by id again leaves them waiting")
    void noSkippingTheWaitingRoom() {
        Call call = byLink(WAITING_ROOM);
        SferumSession knocking = outsider();
        CallJoin join = knocking.calls().joinByLink(call.joinLink().orElseThrow());
        CallId id = call.id();

        assertEquals(JoinStatus.WAITING, knocking.calls().join(id).status());
        refused(PermissionDeniedException.class, ErrorCode.WAITING_FOR_ADMISSION,
                () -> knocking.calls().participants().raiseHand(id, true));
        refused(PermissionDeniedException.class, ErrorCode.WAITING_FOR_ADMISSION,
                () -> knocking.calls().participants().setMedia(id, Media.CAMERA, true));
        refused(PermissionDeniedException.class, ErrorCode.WAITING_FOR_ADMISSION,
                () -> knocking.calls().participants().list(id));
        refused(PermissionDeniedException.class, ErrorCode.WAITING_FOR_ADMISSION,
                () -> knocking.calls().invite(id, List.of(school.teacher().id())));
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> knocking.calls().participants().admit(id, join.participant()));
        assertEquals(List.of(join.participant()), waiting(teacher, id));
        assertEquals(List.of(school.teacher().id()), usersInCall(teacher, id));
    }

    @Test
    @DisplayName("F-CALL-07: one turned away from the waiting room does not see inside the call: the participants "
            + "list is refused (NOT_INVITED_TO_CALL)")
    void rejectedCannotLookInside() {
        Call call = byLink(WAITING_ROOM);
        CallJoin join = outsider().calls().joinByLink(call.joinLink().orElseThrow());
        teacher.calls().participants().reject(call.id(), join.participant());
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().participants().list(call.id()));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().participants().raiseHand(call.id(), true));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().get(call.id()));
        assertEquals(List.of(), tabIds(outsider()));
        assertEquals(List.of(school.teacher().id()), usersInCall(teacher, call.id()));
        assertEquals(List.of(), waiting(teacher, call.id()));
    }

    @Test
    @DisplayName("F-CALL-07: one waiting to be admitted does not take part yet: the call is not in their tab; "
            + "they may give up waiting with leave")
    void waitingIsNotTakingPart() {
        Call call = byLink(WAITING_ROOM);
        CallJoin join = outsider().calls().joinByLink(call.joinLink().orElseThrow());
        assertEquals(List.of(), tabIds(outsider()));
        assertEquals(List.of(join.participant()), waiting(teacher, call.id()));
        outsider().calls().leave(call.id());
        assertEquals(List.of(), waiting(teacher, call.id()));
        assertEquals(List.of(school.teacher().id()), usersInCall(teacher, call.id()));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().get(call.id()));
    }

    @Test
    @DisplayName("F-CALL-07: an anonymous guest waits in the waiting room too, until admitted")
    void guestWaits() {
        Call call = byLink(ANONYMOUS_WAITING);
        GuestTicket guest = fixture.guests().join(call.joinLink().orElseThrow(), "Гость");
        assertEquals(GuestStatus.WAITING, fixture.guests().status(guest));
        assertEquals(List.of(guest.participant()), waiting(teacher, call.id()));
        assertEquals(1, inCall(teacher, call.id()).size());

        teacher.calls().participants().admit(call.id(), guest.participant());
        assertEquals(GuestStatus.IN_CALL, fixture.guests().status(guest));
        assertTrue(participant(teacher, call.id(), guest.participant()).anonymous());
    }

    @Test
    @DisplayName("F-CALL-07: a rejected guest is told so; a guest cannot join a call that has ended")
    void guestRejectedAndEnded() {
        Call call = byLink(ANONYMOUS_WAITING);
        String link = call.joinLink().orElseThrow();
        GuestTicket guest = fixture.guests().join(link, "Гость");
        teacher.calls().participants().reject(call.id(), guest.participant());
        assertEquals(GuestStatus.REJECTED, fixture.guests().status(guest));
        assertEquals(1, inCall(teacher, call.id()).size());

        teacher.calls().endForAll(call.id());
        refused(ConflictException.class, ErrorCode.CALL_ENDED, () -> fixture.guests().join(link, "Опоздавший"));
        assertEquals(GuestStatus.CALL_ENDED, fixture.guests().status(guest));
    }

    @Test
    @DisplayName("F-CALL-07: only the organiser and the admins they appoint see the waiting room and admit or "
            + "reject; nothing changes otherwise")
    void onlyAdminsAdmit() {
        Call call = byLink(WAITING_ROOM);
        String link = call.joinLink().orElseThrow();
        CallJoin helper = outsider().calls().joinByLink(link);
        teacher.calls().participants().admit(call.id(), helper.participant());
        CallJoin knocking = student(0).calls().joinByLink(link);
        assertEquals(JoinStatus.WAITING, knocking.status());

        SferumSession participant = outsider();
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> participant.calls().participants().waitingRoom(call.id()));
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> participant.calls().participants().admit(call.id(), knocking.participant()));
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> participant.calls().participants().reject(call.id(), knocking.participant()));
        assertEquals(List.of(knocking.participant()), waiting(teacher, call.id()));

        teacher.calls().participants().setAdmin(call.id(), helper.participant(), true);
        assertEquals(List.of(knocking.participant()), waiting(participant, call.id()));
        participant.calls().participants().admit(call.id(), knocking.participant());
        assertEquals(List.of(school.teacher().id(), school.outsider().id(), studentId(0)),
                usersInCall(teacher, call.id()));
    }

    @Test
    @DisplayName("F-CALL-07: the link of a chat's or a lesson's call lets in only those invited: an outsider and "
            + "an anonymous guest are refused")
    void linkOfCallNotInvitedTo() {
        CallId id = runningLessonCall();
        teacher.calls().join(id);
        String link = teacher.calls().get(id).joinLink().orElseThrow();
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().joinByLink(link));
        refused(PermissionDeniedException.class, ErrorCode.ANONYMOUS_NOT_ALLOWED,
                () -> fixture.guests().join(link, "Гость"));
        assertEquals(1, inCall(teacher, id).size());
        assertEquals(List.of(), tab(outsider()));
        assertEquals(JoinStatus.IN_CALL, student(0).calls().joinByLink(link).status());
    }

    @Test
    @DisplayName("F-CALL-07, F-CALL-09: one removed from a call by link cannot come back through the link, with "
            + "or without the waiting room, until readmitted; readmitted, they skip the waiting room")
    void removedFromLinkCall() {
        for (CallSettings settings : List.of(CallSettings.DEFAULT, WAITING_ROOM)) {
            Call call = byLink(settings);
            String link = call.joinLink().orElseThrow();
            CallJoin join = outsider().calls().joinByLink(link);
            if (join.status() == JoinStatus.WAITING) {
                teacher.calls().participants().admit(call.id(), join.participant());
            }
            teacher.calls().participants().remove(call.id(), join.participant());

            refused(PermissionDeniedException.class, ErrorCode.REMOVED_FROM_CALL,
                    () -> outsider().calls().joinByLink(link));
            refused(PermissionDeniedException.class, ErrorCode.REMOVED_FROM_CALL,
                    () -> outsider().calls().join(call.id()));
            assertEquals(List.of(school.teacher().id()), usersInCall(teacher, call.id()));
            assertEquals(List.of(), waiting(teacher, call.id()));

            teacher.calls().participants().admit(call.id(), join.participant());
            assertEquals(JoinStatus.IN_CALL, outsider().calls().joinByLink(link).status());
            assertEquals(List.of(school.teacher().id(), school.outsider().id()), usersInCall(teacher, call.id()));
            teacher.calls().endForAll(call.id());
        }
    }

    @Test
    @DisplayName("F-CALL-04, F-CALL-07: ending for everyone puts the guests out too; they cannot come back")
    void endClosesForGuests() {
        Call call = byLink(ANONYMOUS);
        GuestTicket guest = fixture.guests().join(call.joinLink().orElseThrow(), "Гость");
        teacher.calls().endForAll(call.id());
        assertEquals(GuestStatus.CALL_ENDED, fixture.guests().status(guest));
        refused(ConflictException.class, ErrorCode.CALL_ENDED, () -> fixture.guests().rejoin(guest));
        assertEquals(List.of(), inCall(teacher, call.id()));
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-08

    @Test
    @DisplayName("F-CALL-08: a participant invites contacts: they see the call and join without waiting")
    void inviteContacts() {
        teacher.chats().create(new NewChat("Учителя", Set.of(school.outsider().id()),
                ChatSettings.ownerOnly()));
        classChat();
        Call call = byLink(WAITING_ROOM);
        teacher.calls().invite(call.id(), List.of(studentId(0), school.outsider().id()));

        assertEquals(List.of(call.id()), tabIds(student(0)));
        assertEquals(List.of(call.id()), tabIds(outsider()));
        assertEquals(List.of(), tabIds(student(1)));
        assertEquals(JoinStatus.IN_CALL, student(0).calls().join(call.id()).status());
        assertEquals(JoinStatus.IN_CALL, outsider().calls().joinByLink(call.joinLink().orElseThrow()).status());
        assertEquals(List.of(), waiting(teacher, call.id()));
        assertEquals(List.of(school.teacher().id(), studentId(0), school.outsider().id()),
                usersInCall(teacher, call.id()));
    }

    @Test
    @DisplayName("F-CALL-08: inviting someone who is not a contact is refused (NOT_A_CONTACT); nobody is invited")
    void inviteNonContact() {
        classChat();
        Call call = byLink(CallSettings.DEFAULT);
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CONTACT,
                () -> teacher.calls().invite(call.id(), List.of(studentId(0), school.outsider().id())));
        assertEquals(List.of(), tab(outsider()));
        assertEquals(List.of(), tab(student(0)));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> outsider().calls().join(call.id()));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> student(0).calls().join(call.id()));
    }

    @Test
    @DisplayName("F-CALL-08: only one in the call invites, and only while it runs")
    void inviteNeedsRunningCallAndPresence() {
        classChat();
        Call call = byLink(CallSettings.DEFAULT);
        teacher.calls().leave(call.id());
        refused(ConflictException.class, ErrorCode.NOT_IN_CALL,
                () -> teacher.calls().invite(call.id(), List.of(studentId(0))));
        assertEquals(List.of(), tab(student(0)));
        teacher.calls().join(call.id());
        teacher.calls().endForAll(call.id());
        refused(ConflictException.class, ErrorCode.CALL_ENDED,
                () -> teacher.calls().invite(call.id(), List.of(studentId(0))));
        assertEquals(List.of(), tab(student(0)));
    }

    @Test
    @DisplayName("F-CALL-08: inviting by link: whoever is given the link joins the call by link")
    void inviteByLink() {
        Call call = byLink(CallSettings.DEFAULT);
        String shared = teacher.calls().get(call.id()).joinLink().orElseThrow();
        assertEquals(JoinStatus.IN_CALL, student(1).calls().joinByLink(shared).status());
        assertEquals(JoinStatus.IN_CALL, outsider().calls().joinByLink(shared).status());
        assertEquals(List.of(school.teacher().id(), studentId(1), school.outsider().id()),
                usersInCall(teacher, call.id()));
        ParticipantId organiser = inCall(teacher, call.id()).get(0).id();
        assertEquals(CallRole.ORGANISER, participant(student(1), call.id(), organiser).role());
    }
}
