package org.sferum.sdk.testkit.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.users.UserId;

/**
 * Who is in a call now and in what role, read from the call's own state alone (no other part of the engine): the
 * organiser and the admins they appoint, the participants present, those removed, and the refusals that follow —
 * {@code CALL_ADMIN_REQUIRED}, {@code WAITING_FOR_ADMISSION}, {@code NOT_IN_CALL}, {@code REMOVED_FROM_CALL},
 * {@code PARTICIPANT_NOT_FOUND} and the room limit {@code LIMIT_REACHED} (F-CALL-05, F-CALL-07, F-CALL-09). Used by
 * {@link CallRules} and the classes it delegates to; every method runs under the engine's lock.
 */
final class CallPresence {
    private CallPresence() {
    }

    /** Whether the user was in the call at least once (a knock at the waiting room alone does not count). */
    static boolean wasInCall(CallRoom room, UserId user) {
        ParticipantId pid = room.byUser.get(user);
        return pid != null && !room.seats.get(pid).stays().isEmpty();
    }

    /** Refuses before anything changes when the call is full and the participant is not in it already. */
    static void requireRoomFor(CallRoom room, ParticipantId pid) {
        if ((pid == null || !room.present.containsKey(pid)) && room.present.size() >= CallRules.MAX_PARTICIPANTS) {
            throw new ConflictException(ErrorCode.LIMIT_REACHED, "call " + room.id().value() + " already has "
                    + CallRules.MAX_PARTICIPANTS + " participants, the most a call takes");
        }
    }

    static void requireNotRemoved(CallRoom room, ParticipantId pid) {
        if (room.removed.contains(pid)) {
            throw new PermissionDeniedException(ErrorCode.REMOVED_FROM_CALL, "participant " + pid.value()
                    + " was removed from call " + room.id().value() + "; only the organiser can readmit them");
        }
    }

    static void requireAdmin(CallRoom room, UserId actor) {
        if (!isAdmin(room, actor)) {
            throw new PermissionDeniedException(ErrorCode.CALL_ADMIN_REQUIRED, "only the organiser of call "
                    + room.id().value() + " and the admins they appoint may do this");
        }
    }

    static boolean isAdmin(CallRoom room, UserId user) {
        return room.organiser().equals(user) || room.admins.contains(user);
    }

    /** The actor's participant id if they are in the call now; else refuses (waiting, or not in it). */
    static ParticipantId requireInCall(CallRoom room, UserId actor) {
        ParticipantId pid = room.byUser.get(actor);
        if (pid != null && room.present.containsKey(pid)) {
            return pid;
        }
        if (pid != null && room.waiting.containsKey(pid)) {
            throw new PermissionDeniedException(ErrorCode.WAITING_FOR_ADMISSION, "user " + actor.value()
                    + " waits in the waiting room of call " + room.id().value() + " until the organiser admits them");
        }
        if (pid != null) {
            requireNotRemoved(room, pid);
        }
        throw new ConflictException(ErrorCode.NOT_IN_CALL, "user " + actor.value() + " is not in call "
                + room.id().value() + "; join it first");
    }

    static CallRole role(CallRoom room, ParticipantId pid) {
        UserId user = room.seats.get(pid).user();
        if (user == null) {
            return CallRole.PARTICIPANT;
        }
        if (room.organiser().equals(user)) {
            return CallRole.ORGANISER;
        }
        return room.admins.contains(user) ? CallRole.ADMIN : CallRole.PARTICIPANT;
    }

    /** Who is in the call now, in order of joining. */
    static List<Participant> present(CallRoom room) {
        List<Participant> out = new ArrayList<>();
        for (Map.Entry<ParticipantId, CallRoom.Presence> e : room.present.entrySet()) {
            CallRoom.Seat seat = room.seats.get(e.getKey());
            CallRoom.Presence p = e.getValue();
            out.add(new Participant(e.getKey(), Optional.ofNullable(seat.user()), seat.name(), role(room, e.getKey()),
                    p.camera, p.microphone, p.screen, p.hand, p.attention, p.joinedAt));
        }
        return out;
    }

    static CallRoom.Seat seatOf(CallRoom room, ParticipantId pid) {
        CallRoom.Seat seat = room.seats.get(pid);
        if (seat == null) {
            throw new NotFoundException(ErrorCode.PARTICIPANT_NOT_FOUND, "call " + room.id().value()
                    + " has no participant " + pid.value() + "; list its participants or waiting room");
        }
        return seat;
    }

    /** The registered users in the call now, and the organiser and admins. */
    static Set<UserId> inCall(CallRoom room) {
        Set<UserId> out = admins(room);
        for (ParticipantId pid : room.present.keySet()) {
            UserId user = room.seats.get(pid).user();
            if (user != null) {
                out.add(user);
            }
        }
        return out;
    }

    static Set<UserId> admins(CallRoom room) {
        Set<UserId> out = new LinkedHashSet<>();
        out.add(room.organiser());
        out.addAll(room.admins);
        return out;
    }
}
