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
 * The rules of anonymous guests and the call page (F-CALL-07, F-CALL-10), beside {@link CallRules}: a guest joins by
 * the link only where anonymous participants are allowed, gets a seat and a secret, waits when a waiting room
 * applies, comes back with the same seat unless removed, never gets a recording; the call page shows anyone with the
 * link the call, and a guest where they stand. Guests are reached through the call page only, never through
 * sdk-api. Every method runs under the engine's exclusive lock.
 */
final class CallGuestSeats {
    private final CallRules.Context ctx;
    private final CallRules rules;

    CallGuestSeats(CallRules.Context ctx, CallRules rules) {
        this.ctx = ctx;
        this.rules = rules;
    }

    // ------------------------------------------------------------------------------------------------ guests

    /** An anonymous guest joins by the link (F-CALL-07): only where anonymous participants are allowed. */
    GuestTicket guestJoin(String link, String name) {
        CallRoom room = rules.findByLink(link);
        if (name == null || name.isBlank() || name.strip().length() > CallRules.MAX_GUEST_NAME) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "a guest's name must be 1 to "
                    + CallRules.MAX_GUEST_NAME + " characters");
        }
        rules.requireRunning(room);
        if (!room.settings().anonymousAllowed()) {
            throw new PermissionDeniedException(ErrorCode.ANONYMOUS_NOT_ALLOWED, "call " + room.id().value()
                    + " does not let anonymous participants in; sign in with an educational profile, or ask the "
                    + "organiser to allow anonymous participants");
        }
        if (!room.settings().waitingRoom()) {
            CallPresence.requireRoomFor(room, null);
        }
        String secret = ctx.randomKey() + ctx.randomKey();
        ParticipantId pid = rules.seat(room, null, secret, name.strip());
        if (room.settings().waitingRoom()) {
            rules.knock(room, pid);
        } else {
            rules.arrive(room, pid);
        }
        return new GuestTicket(pid, name.strip(), secret);
    }

    /** The room and participant of a guest's secret. */
    Map.Entry<CallRoom, ParticipantId> guest(String secret) {
        for (CallRoom room : rules.rooms.values()) {
            ParticipantId pid = room.bySecret.get(secret);
            if (pid != null) {
                return Map.entry(room, pid);
            }
        }
        throw new NotFoundException(ErrorCode.PARTICIPANT_NOT_FOUND, "this guest seat is unknown; join by the "
                + "link again");
    }

    /** Where a guest stands. */
    GuestStatus guestStatus(String secret) {
        Map.Entry<CallRoom, ParticipantId> g = guest(secret);
        CallRoom room = g.getKey();
        ParticipantId pid = g.getValue();
        if (room.endedAt != null) {
            return GuestStatus.CALL_ENDED;
        }
        if (room.removed.contains(pid)) {
            return GuestStatus.REMOVED;
        }
        if (room.present.containsKey(pid)) {
            return GuestStatus.IN_CALL;
        }
        if (room.waiting.containsKey(pid)) {
            return GuestStatus.WAITING;
        }
        return room.seats.get(pid).stays().isEmpty() ? GuestStatus.REJECTED : GuestStatus.LEFT;
    }

    /** A guest comes back with the same seat: refused after removal unless readmitted. */
    GuestStatus guestRejoin(String secret) {
        Map.Entry<CallRoom, ParticipantId> g = guest(secret);
        CallRoom room = g.getKey();
        ParticipantId pid = g.getValue();
        rules.requireRunning(room);
        if (!room.settings().anonymousAllowed()) {
            throw new PermissionDeniedException(ErrorCode.ANONYMOUS_NOT_ALLOWED, "call " + room.id().value()
                    + " does not let anonymous participants in");
        }
        CallPresence.requireNotRemoved(room, pid);
        if (!room.present.containsKey(pid)) {
            if (room.settings().waitingRoom() && !room.readmitted.contains(pid)) {
                rules.knock(room, pid);
            } else {
                CallPresence.requireRoomFor(room, pid);
                rules.arrive(room, pid);
            }
        }
        return guestStatus(secret);
    }

    /** A guest leaves. */
    void guestLeave(String secret) {
        Map.Entry<CallRoom, ParticipantId> g = guest(secret);
        g.getKey().waiting.remove(g.getValue());
        rules.depart(g.getKey(), g.getValue(), false);
    }

    /** What the call page shows anyone holding the link (no rule: a read), or {@code CALL_NOT_FOUND}. */
    CallPageView callPage(String link) {
        CallRoom room = rules.findByLink(link);
        return new CallPageView(room.linkKey(), room.title(), rules.state(room), room.settings());
    }

    /** What the call page shows a guest: the call, where they stand and, while in the call, who else is in it. */
    CallPageView.Guest guestPage(String secret) {
        Map.Entry<CallRoom, ParticipantId> g = guest(secret);
        CallRoom room = g.getKey();
        rules.observe(room);
        GuestStatus status = guestStatus(secret);
        return new CallPageView.Guest(new CallPageView(room.linkKey(), room.title(), rules.state(room), room.settings()),
                g.getValue(), room.seats.get(g.getValue()).name(), status,
                status == GuestStatus.IN_CALL ? CallPresence.present(room) : List.of());
    }

    /** A guest asks for a recording: never given (F-CALL-10). */
    String guestRecordingLink(String secret, RecordingId recording) {
        guest(secret);
        rules.recordings().recordingRoom(recording);
        throw new PermissionDeniedException(ErrorCode.EDUCATIONAL_PROFILE_REQUIRED, "recordings are available "
                + "only to users with an educational profile; anonymous participants never get their links");
    }
}
