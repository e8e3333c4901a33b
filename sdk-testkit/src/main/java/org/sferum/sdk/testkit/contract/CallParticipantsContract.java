package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.sferum.sdk.calls.CallParticipants;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.JoinStatus;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.calls.GuestTicket;

/**
 * The contract of participants (F-CALL-05) and of the organiser's actions on them (F-CALL-09): the list with
 * camera, microphone, screen and hand; each participant's own controls; the organiser and the admins they appoint
 * attracting attention, muting, removing (and readmitting); everyone else refused with nothing changed. Extend it
 * and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CALLS_BY_LINK, Capability.CALL_MANAGEMENT, Capability.CHAT_CALLS})
public abstract class CallParticipantsContract extends CallContractSupport {

    /** Creates the contract. */
    protected CallParticipantsContract() {
    }

    /** A running video lesson call with the teacher and the first two students in it. */
    private CallId lessonWithTwo() {
        CallId id = runningLessonCall();
        teacher.calls().join(id);
        student(0).calls().join(id);
        student(1).calls().join(id);
        return id;
    }

    private ParticipantId pidOf(CallId call, int student) {
        return inCall(teacher, call).stream()
                .filter(p -> p.user().equals(Optional.of(studentId(student))))
                .findFirst().orElseThrow(() -> new AssertionError("student " + student + " is not in the call"))
                .id();
    }

    private static CallParticipants of(SferumSession session) {
        return session.calls().participants();
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-05

    @Test
    @DisplayName("F-CALL-05: the participants list, in order of joining, with role and join time")
    void listInJoinOrder() {
        CallId id = runningLessonCall();
        teacher.calls().join(id);
        fixture.advanceClock(Duration.ofMinutes(2));
        CallJoin join = student(1).calls().join(id);

        List<Participant> in = inCall(student(1), id);
        assertEquals(List.of(school.teacher().id(), studentId(1)), usersInCall(student(1), id));
        assertEquals(CallRole.ORGANISER, in.get(0).role());
        assertEquals(CallRole.PARTICIPANT, in.get(1).role());
        assertEquals(join.participant(), in.get(1).id());
        assertEquals(START, in.get(0).joinedAt());
        assertEquals(START.plus(Duration.ofMinutes(2)), in.get(1).joinedAt());
        assertFalse(in.get(1).anonymous());
        assertFalse(in.get(1).name().isBlank());
        assertEquals(in, inCall(teacher, id), "everyone in the call sees the same list");
    }

    @Test
    @DisplayName("F-CALL-05: a participant raises and lowers a hand; everyone sees it")
    void raiseAndLowerHand() {
        CallId id = lessonWithTwo();
        ParticipantId pid = pidOf(id, 0);
        of(student(0)).raiseHand(id, true);
        assertTrue(participant(teacher, id, pid).handRaised());
        assertTrue(participant(student(1), id, pid).handRaised());
        assertFalse(participant(teacher, id, pidOf(id, 1)).handRaised());
        of(student(0)).raiseHand(id, true);
        assertTrue(participant(teacher, id, pid).handRaised());
        of(student(0)).raiseHand(id, false);
        assertFalse(participant(teacher, id, pid).handRaised());
    }

    @Test
    @DisplayName("F-CALL-05: a participant turns camera, microphone and screen sharing on and off")
    void ownMedia() {
        CallId id = lessonWithTwo();
        ParticipantId pid = pidOf(id, 0);
        CallParticipants mine = of(student(0));
        mine.setMedia(id, Media.CAMERA, true);
        mine.setMedia(id, Media.MICROPHONE, true);
        mine.setMedia(id, Media.SCREEN, true);
        Participant on = participant(teacher, id, pid);
        assertTrue(on.camera());
        assertTrue(on.microphone());
        assertTrue(on.screenSharing());

        mine.setMedia(id, Media.CAMERA, false);
        Participant cameraOff = participant(student(1), id, pid);
        assertFalse(cameraOff.camera());
        assertTrue(cameraOff.microphone());
        assertTrue(cameraOff.screenSharing());
        mine.setMedia(id, Media.SCREEN, false);
        mine.setMedia(id, Media.MICROPHONE, false);
        Participant off = participant(teacher, id, pid);
        assertFalse(off.camera());
        assertFalse(off.microphone());
        assertFalse(off.screenSharing());
        Participant other = participant(teacher, id, pidOf(id, 1));
        assertFalse(other.camera() || other.microphone() || other.screenSharing());
    }

    @Test
    @DisplayName("F-CALL-05: screen sharing needs a video call; in an audio call it is refused and nothing changes")
    void screenNeedsVideo() {
        CallId id = teacher.calls().startInChat(classChat(), false).id();
        student(0).calls().join(id);
        refused(ConflictException.class, ErrorCode.CONFLICT,
                () -> of(student(0)).setMedia(id, Media.SCREEN, true));
        assertFalse(participant(teacher, id, pidOf(id, 0)).screenSharing());
        of(student(0)).setMedia(id, Media.MICROPHONE, true);
        of(student(0)).setMedia(id, Media.SCREEN, false);
        assertTrue(participant(teacher, id, pidOf(id, 0)).microphone());
    }

    @Test
    @DisplayName("F-CALL-05: acting in a call one is not in is NOT_IN_CALL, after the end CALL_ENDED, and an "
            + "outsider is not invited")
    void actingOutsideTheCall() {
        CallId id = lessonWithTwo();
        refused(ConflictException.class, ErrorCode.NOT_IN_CALL, () -> of(student(2)).raiseHand(id, true));
        refused(ConflictException.class, ErrorCode.NOT_IN_CALL,
                () -> of(student(2)).setMedia(id, Media.CAMERA, true));
        student(1).calls().leave(id);
        refused(ConflictException.class, ErrorCode.NOT_IN_CALL, () -> of(student(1)).raiseHand(id, true));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> of(outsider()).list(id));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> of(outsider()).raiseHand(id, true));
        assertEquals(List.of(school.teacher().id(), studentId(0)), usersInCall(teacher, id));
        assertTrue(inCall(teacher, id).stream().noneMatch(Participant::handRaised));

        teacher.calls().endForAll(id);
        refused(ConflictException.class, ErrorCode.CALL_ENDED, () -> of(student(0)).raiseHand(id, true));
        refused(ConflictException.class, ErrorCode.CALL_ENDED,
                () -> of(student(0)).setMedia(id, Media.MICROPHONE, true));
    }

    // ------------------------------------------------------------------------------------------------ F-CALL-09

    @Test
    @DisplayName("F-CALL-09: the organiser mutes a participant; they may turn the microphone on again")
    void organiserMutes() {
        CallId id = lessonWithTwo();
        ParticipantId pid = pidOf(id, 0);
        of(student(0)).setMedia(id, Media.MICROPHONE, true);
        of(student(0)).setMedia(id, Media.CAMERA, true);
        of(teacher).mute(id, pid);
        Participant muted = participant(student(0), id, pid);
        assertFalse(muted.microphone());
        assertTrue(muted.camera(), "muting leaves the camera alone");
        of(student(0)).setMedia(id, Media.MICROPHONE, true);
        assertTrue(participant(teacher, id, pid).microphone());
    }

    @Test
    @DisplayName("F-CALL-09: the organiser attracts a participant's attention; the mark stays until they act")
    void attractAttention() {
        CallId id = lessonWithTwo();
        ParticipantId pid = pidOf(id, 1);
        of(teacher).attractAttention(id, pid);
        assertTrue(participant(student(1), id, pid).attentionRequested());
        assertFalse(participant(teacher, id, pidOf(id, 0)).attentionRequested());
        of(student(1)).raiseHand(id, true);
        assertFalse(participant(teacher, id, pid).attentionRequested());
    }

    @Test
    @DisplayName("F-CALL-09: a removed participant is out and cannot come back, by id or by link, until "
            + "readmitted")
    void removeAndReadmit() {
        CallId id = lessonWithTwo();
        ParticipantId pid = pidOf(id, 0);
        String link = teacher.calls().get(id).joinLink().orElseThrow();
        of(teacher).remove(id, pid);
        assertEquals(List.of(school.teacher().id(), studentId(1)), usersInCall(teacher, id));

        refused(PermissionDeniedException.class, ErrorCode.REMOVED_FROM_CALL, () -> student(0).calls().join(id));
        refused(PermissionDeniedException.class, ErrorCode.REMOVED_FROM_CALL,
                () -> student(0).calls().joinByLink(link));
        refused(PermissionDeniedException.class, ErrorCode.REMOVED_FROM_CALL,
                () -> of(student(0)).raiseHand(id, true));
        assertEquals(List.of(school.teacher().id(), studentId(1)), usersInCall(teacher, id));

        of(teacher).admit(id, pid);
        assertEquals(List.of(school.teacher().id(), studentId(1)), usersInCall(teacher, id),
                "readmitting lets them come back; it does not pull them in");
        CallJoin back = student(0).calls().joinByLink(link);
        assertEquals(JoinStatus.IN_CALL, back.status());
        assertEquals(pid, back.participant());
        assertEquals(List.of(school.teacher().id(), studentId(1), studentId(0)), usersInCall(teacher, id));
    }

    @Test
    @DisplayName("F-CALL-09: a removed anonymous guest cannot come back with the same seat until readmitted")
    void removeGuest() {
        Call call = teacher.calls().startByLink("Открытый урок", CallSettings.DEFAULT.withAnonymousAllowed(true));
        GuestTicket guest = fixture.guests().join(call.joinLink().orElseThrow(), "Гость");
        of(teacher).remove(call.id(), guest.participant());
        assertEquals(GuestStatus.REMOVED, fixture.guests().status(guest));
        refused(PermissionDeniedException.class, ErrorCode.REMOVED_FROM_CALL, () -> fixture.guests().rejoin(guest));
        assertEquals(1, inCall(teacher, call.id()).size());

        of(teacher).admit(call.id(), guest.participant());
        assertEquals(GuestStatus.IN_CALL, fixture.guests().rejoin(guest));
        assertTrue(participant(teacher, call.id(), guest.participant()).anonymous());
    }

    @Test
    @DisplayName("F-CALL-09: a participant may not mute, remove, attract attention or appoint admins; "
            + "nothing changes")
    void participantsCannotModerate() {
        CallId id = lessonWithTwo();
        ParticipantId target = pidOf(id, 1);
        of(student(1)).setMedia(id, Media.MICROPHONE, true);
        CallParticipants acting = of(student(0));
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED, () -> acting.mute(id, target));
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED, () -> acting.remove(id, target));
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> acting.attractAttention(id, target));
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> acting.setAdmin(id, target, true));
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED, () -> acting.admit(id, target));
        refused(PermissionDeniedException.class, ErrorCode.NOT_INVITED_TO_CALL,
                () -> of(outsider()).mute(id, target));

        Participant untouched = participant(teacher, id, target);
        assertTrue(untouched.microphone());
        assertFalse(untouched.attentionRequested());
        assertEquals(CallRole.PARTICIPANT, untouched.role());
        assertEquals(List.of(school.teacher().id(), studentId(0), studentId(1)), usersInCall(teacher, id));
    }

    @Test
    @DisplayName("F-CALL-09: an appointed admin mutes and removes, but does not appoint admins; dismissed, "
            + "they no longer may")
    void appointedAdmin() {
        CallId id = lessonWithTwo();
        ParticipantId admin = pidOf(id, 0);
        ParticipantId other = pidOf(id, 1);
        of(teacher).setAdmin(id, admin, true);
        assertEquals(CallRole.ADMIN, participant(student(1), id, admin).role());

        of(student(1)).setMedia(id, Media.MICROPHONE, true);
        of(student(0)).mute(id, other);
        assertFalse(participant(teacher, id, other).microphone());
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> of(student(0)).setAdmin(id, other, true));
        assertEquals(CallRole.PARTICIPANT, participant(teacher, id, other).role());

        of(teacher).setAdmin(id, admin, false);
        assertEquals(CallRole.PARTICIPANT, participant(teacher, id, admin).role());
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> of(student(0)).remove(id, other));
        assertEquals(List.of(school.teacher().id(), studentId(0), studentId(1)), usersInCall(teacher, id));
    }

    @Test
    @DisplayName("F-CALL-09: nobody acts on the organiser, not even an admin; nothing changes")
    void nobodyActsOnOrganiser() {
        CallId id = lessonWithTwo();
        of(teacher).setAdmin(id, pidOf(id, 0), true);
        of(teacher).setMedia(id, Media.MICROPHONE, true);
        ParticipantId organiser = inCall(teacher, id).get(0).id();
        refused(PermissionDeniedException.class, ErrorCode.PERMISSION_DENIED,
                () -> of(student(0)).mute(id, organiser));
        refused(PermissionDeniedException.class, ErrorCode.PERMISSION_DENIED,
                () -> of(student(0)).remove(id, organiser));
        Participant still = participant(teacher, id, organiser);
        assertTrue(still.microphone());
        assertEquals(CallRole.ORGANISER, still.role());
    }

    @Test
    @DisplayName("F-CALL-09: an unknown participant is PARTICIPANT_NOT_FOUND; an anonymous guest cannot be an "
            + "admin")
    void unknownParticipantAndGuestAdmin() {
        Call call = teacher.calls().startByLink("Открытый урок", CallSettings.DEFAULT.withAnonymousAllowed(true));
        GuestTicket guest = fixture.guests().join(call.joinLink().orElseThrow(), "Гость");
        refused(NotFoundException.class, ErrorCode.PARTICIPANT_NOT_FOUND,
                () -> of(teacher).mute(call.id(), new ParticipantId("nobody")));
        refused(NotFoundException.class, ErrorCode.PARTICIPANT_NOT_FOUND,
                () -> of(teacher).remove(call.id(), new ParticipantId("nobody")));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> of(teacher).setAdmin(call.id(), guest.participant(), true));
        assertEquals(CallRole.PARTICIPANT, participant(teacher, call.id(), guest.participant()).role());
        assertEquals(2, inCall(teacher, call.id()).size());
    }

    @Test
    @DisplayName("F-CALL-09: removing an admin takes the admin role away with them")
    void removedAdminLosesRole() {
        CallId id = lessonWithTwo();
        ParticipantId admin = pidOf(id, 0);
        of(teacher).setAdmin(id, admin, true);
        of(teacher).remove(id, admin);
        of(teacher).admit(id, admin);
        student(0).calls().join(id);
        assertEquals(CallRole.PARTICIPANT, participant(teacher, id, admin).role());
        refused(PermissionDeniedException.class, ErrorCode.CALL_ADMIN_REQUIRED,
                () -> of(student(0)).mute(id, pidOf(id, 1)));
        assertEquals(List.of(school.teacher().id(), studentId(1), studentId(0)),
                inCall(teacher, id).stream().map(p -> p.user().orElseThrow()).collect(Collectors.toList()));
    }
    @Test
    @DisplayName("F-CALL-09: a participant removed from a chat's call cannot come back by starting the chat's "
            + "call again")
    void removedCannotRestartChatCall() {
        ChatId chat = openClassChat();
        CallId id = teacher.calls().startInChat(chat, true).id();
        student(0).calls().join(id);
        of(teacher).remove(id, pidOf(id, 0));
        refused(PermissionDeniedException.class, ErrorCode.REMOVED_FROM_CALL,
                () -> student(0).calls().startInChat(chat, true));
        assertEquals(List.of(school.teacher().id()), usersInCall(teacher, id));
        assertEquals(List.of(id), tabIds(student(0)), "no second call was started");
    }

}
