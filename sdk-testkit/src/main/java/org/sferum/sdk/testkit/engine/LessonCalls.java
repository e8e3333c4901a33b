package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * The rules of lesson calls (F-CALL-02, F-SECT-02 … F-SECT-04): a teacher who is a member of the class chat
 * creates the call of a lesson, once per lesson key; the members of the chat take part; the call is
 * {@link CallState#SCHEDULED} before its start on the engine's clock, {@link CallState#RUNNING} from it, and
 * {@link CallState#ENDED} once its organiser ends it; the join link exists only while it runs. Every method runs
 * under the engine's lock.
 */
final class LessonCalls {
    private final Map<CallId, LessonCall> byId = new LinkedHashMap<>();
    private final Map<String, CallId> byLessonKey = new HashMap<>();

    /** Returns the call already created for the lesson key, if any. */
    Optional<LessonCall> forLesson(String lessonKey) {
        return Optional.ofNullable(byLessonKey.get(lessonKey)).map(byId::get);
    }

    /**
     * Checks that the actor may create a lesson call in the chat: a teacher (the school system's role).
     * Membership is checked by the caller with {@code memberChat}.
     */
    static void requireTeacher(UserAccount actor, UserId id) {
        if (actor.role() != Role.TEACHER) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "user " + id.value()
                    + " is not a teacher; only a teacher of the class chat creates a lesson call");
        }
    }

    /** Records a new call of a lesson. */
    LessonCall add(LessonCall call) {
        byId.put(call.id(), call);
        byLessonKey.put(call.lessonKey(), call.id());
        return call;
    }

    /** Returns a call, or refuses with {@code NOT_FOUND}. */
    LessonCall find(CallId id) {
        LessonCall call = byId.get(id);
        if (call == null) {
            throw new NotFoundException(ErrorCode.NOT_FOUND, "call " + id.value()
                    + " does not exist; list the user's calls to find its id");
        }
        return call;
    }

    /** Every call, oldest first. */
    List<LessonCall> all() {
        return new ArrayList<>(byId.values());
    }

    /** Ends a call for everyone: only its organiser may; ending an ended call changes nothing [choice]. */
    static void end(LessonCall call, UserId actor, Instant now) {
        if (!call.organiser().equals(actor)) {
            throw new PermissionDeniedException(ErrorCode.NOT_ALLOWED_IN_CHAT, "only the organiser of call "
                    + call.id().value() + " ends it for everyone");
        }
        if (call.endedAt == null) {
            call.endedAt = now;
        }
    }

    /** The call's state at an instant. */
    static CallState state(LessonCall call, Instant now) {
        if (call.endedAt != null) {
            return CallState.ENDED;
        }
        return now.isBefore(call.startsAt()) ? CallState.SCHEDULED : CallState.RUNNING;
    }

    /** The call as a participant sees it at an instant: the join link only while it runs. */
    static Call view(LessonCall call, Instant now) {
        CallState state = state(call, now);
        Optional<String> link = state == CallState.RUNNING ? Optional.of(call.joinLink()) : Optional.empty();
        return new Call(call.id(), call.title(), call.organiser(), state, call.startsAt(), link);
    }

    /** The title of a lesson's call [choice]: «Онлайн-урок: subject, class». */
    static String title(Lesson lesson) {
        return "Онлайн-урок: " + lesson.subject() + ", " + lesson.className();
    }
}
