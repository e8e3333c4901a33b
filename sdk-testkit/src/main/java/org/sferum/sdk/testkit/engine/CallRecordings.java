package org.sferum.sdk.testkit.engine;

import java.time.Duration;
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
 * The rules of what is kept of a call, beside {@link CallRules} which it asks who takes part: recordings (F-CALL-10:
 * organiser or admins start and stop them, one at a time, in the running call; stopped, a recording is posted in the
 * call's chat, F-CALL-11, and watched by its audience only; guests never get one), broadcasts of lesson calls
 * (F-CALL-06), a lesson's recordings for the school system (F-EMB-07), and attendance reports (F-EMB-06: who was in
 * the call and when, for the organiser or admins). Every method runs under the engine's exclusive lock.
 */
final class CallRecordings {
    private final CallRules.Context ctx;
    private final CallRules rules;
    private final Map<RecordingId, CallRoom> recordingRooms = new HashMap<>();
    private long nextRecording = 1;

    CallRecordings(CallRules.Context ctx, CallRules rules) {
        this.ctx = ctx;
        this.rules = rules;
    }

    static List<RecordingState> running(CallRoom room) {
        List<RecordingState> out = new ArrayList<>();
        for (RecordingState r : room.recordings) {
            if (r.stoppedAt == null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Starts recording (F-CALL-10): organiser or admins, in the running call, one at a time. */
    Recording startRecording(UserId actor, CallId id, RecordingRequest request) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        rules.requireRunning(room);
        CallPresence.requireInCall(room, actor);
        if (!running(room).isEmpty()) {
            throw new ConflictException(ErrorCode.RECORDING_STATE_CONFLICT, "call " + room.id().value()
                    + " is already being recorded; stop that recording first");
        }
        RecordingId rid = new RecordingId("rec" + nextRecording++ + "_" + ctx.randomKey());
        RecordingState recording = new RecordingState(rid, request.title().strip(), actor, request.author(),
                request.audience(), ctx.now());
        room.recordings.add(recording);
        recordingRooms.put(rid, room);
        return recordingView(room, recording, actor);
    }

    /** Stops the running recording (F-CALL-10) and posts it in the call's chat (F-CALL-11). */
    Recording stopRecording(UserId actor, CallId id) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        List<RecordingState> now = running(room);
        if (now.isEmpty()) {
            throw new ConflictException(ErrorCode.RECORDING_STATE_CONFLICT, "call " + room.id().value()
                    + " is not being recorded");
        }
        RecordingState recording = now.get(0);
        finish(room, recording);
        return recordingView(room, recording, actor);
    }

    void finish(CallRoom room, RecordingState recording) {
        recording.stoppedAt = ctx.now();
        long seconds = Duration.between(recording.startedAt, recording.stoppedAt).getSeconds();
        String length = String.format("%d:%02d", seconds / 60, seconds % 60);
        ctx.addToCallChat(room.callChatPeerId, recording.recordedBy);
        // [choice] the link goes into the chat unless the recording is for its author only; opening it still
        // checks the audience (RECORDING_NOT_VISIBLE)
        String where = recording.audience == RecordingAudience.ONLY_ME
                ? " сохранена; её видит только автор" : ": " + CallRules.RECORDING_LINK_BASE + recording.id.value();
        ctx.post(room.callChatPeerId, recording.recordedBy, "Запись звонка «" + recording.title + "» (" + length
                + ")" + where);
        for (UserId user : rules.audience(room)) {
            ctx.emit(user, new SferumEvent.RecordingReady(room.id(), recordingView(room, recording, user)));
        }
    }

    /** Whether a user (with an educational profile: every engine user has one) may watch a recording. */
    private boolean mayWatch(CallRoom room, RecordingState recording, UserId user) {
        return switch (recording.audience) {
            case ONLY_ME -> recording.recordedBy.equals(user);
            // one whose only tie is a knock at the waiting room (still waiting or turned away) never took part
            case PARTICIPANTS -> recording.recordedBy.equals(user)
                    || (rules.takesPart(room, user) && !rules.onlyKnocked(room, user))
                    || (room.callChatPeerId != 0 && ctx.isChatMember(room.callChatPeerId, user));
            case EDUCATIONAL_PROFILES -> true;
        };
    }

    private Recording recordingView(CallRoom room, RecordingState r, UserId viewer) {
        Optional<String> link = r.stoppedAt != null && mayWatch(room, r, viewer)
                ? Optional.of(CallRules.RECORDING_LINK_BASE + r.id.value()) : Optional.empty();
        return new Recording(r.id, room.id(), r.title, r.recordedBy, r.author, r.audience, r.startedAt,
                Optional.ofNullable(r.stoppedAt), Optional.ofNullable(room.lessonKey()), link);
    }

    CallRoom recordingRoom(RecordingId id) {
        CallRoom room = recordingRooms.get(id);
        if (room == null) {
            throw new NotFoundException(ErrorCode.RECORDING_NOT_FOUND, "recording " + id.value() + " does not "
                    + "exist; list the call's recordings to find its id");
        }
        return room;
    }

    /** A call's recordings as the actor sees them. */
    List<Recording> recordings(UserId actor, CallId id) {
        CallRoom room = rules.visible(actor, id);
        List<Recording> out = new ArrayList<>();
        for (RecordingState r : room.recordings) {
            out.add(recordingView(room, r, actor));
        }
        return out;
    }

    /** One recording with its link, for those in its audience. */
    Recording recording(UserId actor, RecordingId id) {
        CallRoom room = recordingRoom(id);
        RecordingState r = room.recordings.stream().filter(x -> x.id.equals(id)).findFirst().orElseThrow();
        if (!mayWatch(room, r, actor)) {
            throw new PermissionDeniedException(ErrorCode.RECORDING_NOT_VISIBLE, "recording " + id.value()
                    + " is for " + r.audience + " only; ask the one who recorded it");
        }
        return recordingView(room, r, actor);
    }

    /** The recordings of a lesson's call (F-EMB-07), for those who take part. */
    List<Recording> lessonRecordings(UserId actor, String lessonKey) {
        Optional<CallRoom> room = rules.lessonRoom(lessonKey);
        if (room.isEmpty() || !rules.takesPart(room.get(), actor)) {
            return List.of();
        }
        return recordings(actor, room.get().id());
    }

    /** Starts a broadcast of a running lesson call (F-CALL-06). */
    Broadcast startBroadcast(UserId actor, CallId id, String title) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        CallRules.requireTitle(title, "broadcast title");
        if (room.kind() != CallKind.LESSON) {
            throw new ConflictException(ErrorCode.CONFLICT, "call " + room.id().value() + " is not a lesson call; "
                    + "broadcasts start from a call created from the journal");
        }
        rules.requireRunning(room);
        if (room.broadcast != null) {
            throw new ConflictException(ErrorCode.RECORDING_STATE_CONFLICT, "call " + room.id().value()
                    + " is already being broadcast");
        }
        room.broadcast = new Broadcast(title.strip(), CallRules.BROADCAST_LINK_BASE + room.linkKey(), ctx.now());
        return room.broadcast;
    }

    /** Stops the broadcast (F-CALL-06). */
    void stopBroadcast(UserId actor, CallId id) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        if (room.broadcast == null) {
            throw new ConflictException(ErrorCode.RECORDING_STATE_CONFLICT, "call " + room.id().value()
                    + " is not being broadcast");
        }
        room.broadcast = null;
    }

    // ------------------------------------------------------------------------------------------------ attendance

    /** Who was in the call and when (F-EMB-06): organiser or admins. */
    AttendanceReport attendance(UserId actor, CallId id) {
        CallRoom room = rules.visible(actor, id);
        CallPresence.requireAdmin(room, actor);
        List<AttendanceEntry> entries = new ArrayList<>();
        Set<UserId> attended = new LinkedHashSet<>();
        for (CallRoom.Seat seat : room.seats.values()) {
            if (seat.stays().isEmpty()) {
                continue;
            }
            List<AttendanceSession> sessions = new ArrayList<>();
            for (CallRoom.Stay stay : seat.stays()) {
                sessions.add(new AttendanceSession(stay.joinedAt, Optional.ofNullable(stay.leftAt)));
            }
            entries.add(new AttendanceEntry(seat.id(), Optional.ofNullable(seat.user()), seat.name(), sessions));
            if (seat.user() != null) {
                attended.add(seat.user());
            }
        }
        List<UserId> never = new ArrayList<>();
        for (UserId user : rules.invitedUsers(room)) {
            if (!attended.contains(user)) {
                never.add(user);
            }
        }
        entries.sort((a, b) -> a.sessions().get(0).joinedAt().compareTo(b.sessions().get(0).joinedAt()));
        return new AttendanceReport(room.id(), Optional.ofNullable(room.lessonKey()), ctx.now(), entries, never);
    }
}
