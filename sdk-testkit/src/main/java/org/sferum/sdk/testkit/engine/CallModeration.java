package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.calls.AttendanceEntry;
import org.sferum.sdk.calls.AttendanceReport;
import org.sferum.sdk.calls.AttendanceSession;
import org.sferum.sdk.calls.Broadcast;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.CallLinks;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.JoinStatus;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.RecordingAudience;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.calls.ShortCredentials;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.calls.GuestTicket;
import org.sferum.sdk.testkit.engine.CallRoom.RecordingState;
import org.sferum.sdk.users.UserId;


/**
 * The rules of who does what to whom in a call (F-CALL-05, F-CALL-07, F-CALL-09), beside {@link CallRules}: the
 * participants list (anyone who takes part, except while waiting), the waiting room (organiser or admins admit or
 * turn away), removal (nobody removes the organiser; the removed come back only when readmitted), muting and asking
 * for attention, call admins (organiser only, registered participants only), and each participant's own hand and
 * media (screen sharing needs video). Every method runs under the engine's exclusive lock.
 */
final class CallModeration {
    private final CallRules.Context ctx;
    private final CallRules rules;

    CallModeration(CallRules.Context ctx, CallRules rules) {
        this.ctx = ctx;
        this.rules = rules;
    }

    /** The participants in the call (F-CALL-05): anyone who takes part may look, except while waiting. */
    List<Participant> participants(UserId actor, CallId id) {
        CallRoom room = rules.visible(actor, id);
        ParticipantId mine = room.byUser.get(actor);
        if (mine != null && room.waiting.containsKey(mine)) {
            CallPresence.requireInCall(room, actor);
        }
        if (rules.onlyKnocked(room, actor) && !room.present.containsKey(mine)) {
            // turned away from the waiting room (or removed from a call by link): no look inside
            CallPresence.requireNotRemoved(room, mine);
            throw CallRules.notInvited(room, actor);
        }
        return CallPresence.present(room);
    }

    /** The waiting room (F-CALL-07): organiser or admins. */
    List<WaitingParticipant> waitingRoom(UserId actor, CallId id) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        List<WaitingParticipant> out = new ArrayList<>();
        room.waiting.forEach((pid, since) -> {
            CallRoom.Seat seat = room.seats.get(pid);
            out.add(new WaitingParticipant(pid, Optional.ofNullable(seat.user()), seat.name(), since));
        });
        return out;
    }

    /**
     * Admits someone from the waiting room into the call, or lifts a removal so they may come back (F-CALL-07,
     * F-CALL-09).
     */
    void admit(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        rules.requireRunning(room);
        CallRoom.Seat seat = CallPresence.seatOf(room, pid);
        if (room.removed.remove(pid)) {
            room.readmitted.add(pid);
            if (seat.user() != null) {
                room.invited.add(seat.user());
            }
            return;
        }
        if (!room.waiting.containsKey(pid)) {
            if (room.present.containsKey(pid)) {
                return;
            }
            throw new NotFoundException(ErrorCode.PARTICIPANT_NOT_FOUND, "participant " + pid.value()
                    + " is not waiting to join call " + room.id().value());
        }
        CallPresence.requireRoomFor(room, pid);
        room.waiting.remove(pid);
        if (seat.user() != null) {
            room.invited.add(seat.user());
        }
        room.readmitted.add(pid);
        rules.arrive(room, pid);
    }

    /** Turns someone away from the waiting room (F-CALL-07); they may knock again. */
    void reject(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        CallPresence.seatOf(room, pid);
        if (room.waiting.remove(pid) == null) {
            throw new NotFoundException(ErrorCode.PARTICIPANT_NOT_FOUND, "participant " + pid.value()
                    + " is not waiting to join call " + room.id().value());
        }
    }

    /** Removes a participant (F-CALL-09); they cannot come back unless readmitted; nobody removes the organiser. */
    void remove(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        CallRoom.Seat seat = requireOther(room, pid);
        room.waiting.remove(pid);
        room.readmitted.remove(pid);
        room.removed.add(pid);
        if (seat.user() != null) {
            room.invited.remove(seat.user());
            room.admins.remove(seat.user());
        }
        rules.depart(room, pid, true);
    }

    /** A seat that is not the organiser's, in the call or waiting. */
    CallRoom.Seat requireOther(CallRoom room, ParticipantId pid) {
        CallRoom.Seat seat = CallPresence.seatOf(room, pid);
        if (room.organiser().equals(seat.user())) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "nobody acts on the organiser of call "
                    + room.id().value() + " but the organiser");
        }
        return seat;
    }

    CallRoom.Presence presentOrRefuse(CallRoom room, ParticipantId pid) {
        CallPresence.seatOf(room, pid);
        CallRoom.Presence p = room.present.get(pid);
        if (p == null) {
            throw new ConflictException(ErrorCode.NOT_IN_CALL, "participant " + pid.value() + " is not in call "
                    + room.id().value() + " now");
        }
        return p;
    }

    /** Turns a participant's microphone off (F-CALL-09); they may turn it on again. */
    void mute(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        rules.requireRunning(room);
        requireOther(room, pid);
        presentOrRefuse(room, pid).microphone = false;
    }

    /** Asks a participant for attention (F-CALL-09): marked until they next act. */
    void attractAttention(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        rules.requireRunning(room);
        CallRoom.Seat seat = requireOther(room, pid);
        presentOrRefuse(room, pid).attention = true;
        if (seat.user() != null) {
            ctx.emit(seat.user(), new SferumEvent.AttentionRequested(room.id(), pid));
        }
    }

    /** Appoints or dismisses an admin of the call (F-CALL-09): organiser only, registered participants only. */
    void setAdmin(UserId actor, CallId id, ParticipantId pid, boolean admin) {
        CallRoom room = rules.visible(actor, id);
        if (!room.organiser().equals(actor)) {
            throw new PermissionDeniedException(ErrorCode.CALL_ADMIN_REQUIRED, "only the organiser of call "
                    + room.id().value() + " appoints its admins");
        }
        rules.requireRunning(room);
        CallRoom.Seat seat = requireOther(room, pid);
        if (seat.user() == null) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "participant " + pid.value()
                    + " is anonymous; only users with an educational profile can be admins of a call");
        }
        if (admin) {
            presentOrRefuse(room, pid);
            room.admins.add(seat.user());
        } else {
            room.admins.remove(seat.user());
        }
    }

    /** Raises or lowers the actor's own hand (F-CALL-05). */
    void raiseHand(UserId actor, CallId id, boolean raised) {
        CallRoom room = rules.visible(actor, id);
        rules.requireRunning(room);
        ParticipantId pid = CallPresence.requireInCall(room, actor);
        CallRoom.Presence p = room.present.get(pid);
        p.attention = false;
        if (p.hand != raised) {
            p.hand = raised;
            rules.notify(CallPresence.inCall(room), new SferumEvent.HandRaised(room.id(), pid, raised));
        }
    }

    /** Turns the actor's own camera, microphone or screen sharing on or off (F-CALL-05); screen needs video. */
    void setMedia(UserId actor, CallId id, Media media, boolean on) {
        CallRoom room = rules.visible(actor, id);
        rules.requireRunning(room);
        ParticipantId pid = CallPresence.requireInCall(room, actor);
        if (media == Media.SCREEN && on && !room.video()) {
            throw new ConflictException(ErrorCode.CONFLICT, "call " + room.id().value() + " is an audio call; "
                    + "screen sharing needs a video call");
        }
        CallRoom.Presence p = room.present.get(pid);
        p.attention = false;
        switch (media) {
            case CAMERA -> p.camera = on;
            case MICROPHONE -> p.microphone = on;
            case SCREEN -> p.screen = on;
            default -> throw new IllegalArgumentException(String.valueOf(media));
        }
    }
}
