package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.sferum.sdk.calls.AttendanceReport;
import org.sferum.sdk.calls.Broadcast;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.calls.GuestTicket;
import org.sferum.sdk.testkit.engine.PlatformState.Held;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * The calls of the platform: every rule of calls is enforced here and in the classes it uses, on the engine's clock,
 * under the engine's exclusive lock. The rules, by feature (the details are in {@link CallRules}, the state of one
 * call in {@link CallRoom}, and {@code docs/calls.md} states each with its {@code ErrorCode}):
 *
 * <ul>
 *   <li>F-CALL-01: a call in a chat, as the chat's «call» permission allows (either side of a one-to-one chat); one
 *       running call per chat.</li>
 *   <li>F-CALL-02, F-SECT-02 … F-SECT-04: a lesson's call, by a teacher of the class chat, once per lesson key,
 *       starting at the lesson's time; its own chat created when it starts.</li>
 *   <li>F-CALL-03 … F-CALL-06: joining (by id or link), leaving, ending for all, invitations of contacts; who takes
 *       part is computed from the chat, the invitations and the stays, never copied.</li>
 *   <li>F-CALL-07 … F-CALL-09: calls by link, the waiting room, what the organiser or a call admin does to a
 *       participant ({@link ParticipantAction}), raised hands, media.</li>
 *   <li>F-CALL-10: recordings and broadcasts; guests through the call page, never through sdk-api.</li>
 *   <li>F-EMB-06, F-EMB-07: attendance reports and lesson recordings for the school system.</li>
 * </ul>
 *
 * <p>A call's state ({@code SCHEDULED}, {@code RUNNING}, {@code ENDED}) is computed from its times and the clock at
 * every read; what happens at its start happens once, when it is first seen running ({@link #tick}).
 */
public final class CallService {
    /** [choice] Where join links point until {@link #serveCallLinksAt} says otherwise: this base and the link key. */
    public static final String CALL_LINK_BASE = "https://vk.com/call/join/";
    /** [choice] Where the OK app's join links point: this base followed by the call's link key. */
    public static final String OK_CALL_LINK_BASE = "https://ok.ru/videochat/join/";
    /** The calls' rules; guarded by the lock. */
    private final CallRules calls;
    private final PlatformState state;

    CallService(PlatformState state, ChatService chatService, MessageService messageService) {
        this.state = state;
        this.calls = new CallRules(new CallPlatform(state, chatService, messageService));
    }

    /**
     * Makes browser join links point at a server of one's own (the emulator's call page), from now on.
     *
     * @param base the base, ending with {@code /call/join/}
     */
    public void serveCallLinksAt(String base) {
        if (!Objects.requireNonNull(base, "base").endsWith(CallRules.JOIN_PATH)) {
            throw new IllegalArgumentException("a join link base ends with " + CallRules.JOIN_PATH);
        }
        calls.serveLinksAt(base);
    }

    /**
     * Observes the clock: every call whose start time has come starts (its chat is created, {@code CallStarted}
     * is sent). Calls are also observed whenever they are touched; the fixtures call this after moving the clock.
     */
    public void tick() {
        try (Held held = state.exclusive()) {
            calls.tick();
        }
    }

    /**
     * Creates the call of a lesson for the members of a class chat, or returns the one already created for the same
     * lesson key (F-CALL-02). The call starts at the lesson's time, or at once when that time has passed.
     *
     * @param actor who creates it: a teacher who is a member of the chat
     * @param lesson the lesson
     * @param chatId the class chat
     * @return the call as the actor sees it now
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} for a non-teacher, {@code NOT_A_CHAT_MEMBER}
     *     for a non-member
     */
    public Call createLessonCall(UserId actor, Lesson lesson,
                                                      ChatId chatId) {
        Objects.requireNonNull(lesson, "lesson");
        if (!Objects.requireNonNull(chatId, "chat").isGroup()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "a lesson call is made in a class chat, "
                    + "not a one-to-one chat");
        }
        try (Held held = state.exclusive()) {
            ChatState chat = state.memberChat(actor, chatId);
            if (state.users.get(actor).role() != Role.TEACHER) {
                throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "user " + actor.value()
                        + " is not a teacher; only a teacher of the class chat creates a lesson call");
            }
            Optional<CallRoom> existing = calls.lessonRoom(lesson.lessonKey());
            if (existing.isPresent()) {
                // the same lesson's call, as its participants see it; nobody else learns of it
                return calls.view(calls.visible(actor, existing.get().id()), actor);
            }
            Instant startsAt = lesson.startsAt().truncatedTo(ChronoUnit.SECONDS);
            return calls.view(calls.createLesson(actor, lesson, chat.id.peerId(), startsAt), actor);
        }
    }

    /**
     * Starts a call in a chat (F-CALL-01) as the chat's «call» permission allows (in a one-to-one chat, either
     * side), or returns the call running there; the actor is in it.
     *
     * @param actor who starts it
     * @param chatId the chat
     * @param video whether a video call
     * @return the running call
     */
    public Call startCallInChat(UserId actor, ChatId chatId, boolean video) {
        try (Held held = state.exclusive()) {
            ChatState chat = state.memberChat(actor, chatId);
            if (!DirectChats.isDirect(chat)) {
                PlatformState.requireAllowed(chat, actor, ChatAction.CALL);
            }
            String title = DirectChats.isDirect(chat) ? "Звонок" : chat.title;
            return calls.view(calls.startInChat(actor, chat.id.peerId(), title, video), actor);
        }
    }

    /**
     * Creates and starts a call by link (F-CALL-07); the creator is its organiser and in it.
     *
     * @param actor who creates it
     * @param title the title
     * @param settings anonymous participants and the waiting room
     * @return the running call
     */
    public Call startCallByLink(UserId actor, String title,
                                                     CallSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try (Held held = state.exclusive()) {
            state.account(actor);
            return calls.view(calls.startByLink(actor, title, settings), actor);
        }
    }

    /**
     * Lists the calls the actor takes part in, newest first (F-SECT-02).
     *
     * @param actor who asks
     * @return the calls as the actor sees them now
     */
    public List<Call> callsOf(UserId actor) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            return calls.callsOf(actor);
        }
    }

    /**
     * Returns a call as a participant sees it now (F-SECT-03, F-SECT-04): the links only while it runs.
     *
     * @param actor one who takes part
     * @param id the call
     * @return the call
     * @throws NotFoundException with {@code CALL_NOT_FOUND} for an unknown call
     * @throws PermissionDeniedException with {@code NOT_INVITED_TO_CALL} for anyone else
     */
    public Call call(UserId actor, CallId id) {
        return callOp(actor, id, room -> calls.view(room, actor));
    }

    /**
     * Returns a call as the engine keeps it, for the emulator's answers.
     *
     * @param actor one who takes part
     * @param id the call
     * @return the call
     */
    public CallRoom callRoom(UserId actor, CallId id) {
        return callOp(actor, id, room -> room);
    }

    /**
     * Finds the call of a lesson as the diary shows it (F-SECT-03).
     *
     * @param actor who asks
     * @param lessonKey the lesson's key
     * @return the call, if one was created and the actor takes part in it
     */
    public Optional<Call> lessonCall(UserId actor, String lessonKey) {
        Objects.requireNonNull(lessonKey, "lesson key");
        try (Held held = state.exclusive()) {
            state.account(actor);
            return calls.forLesson(actor, lessonKey);
        }
    }

    /**
     * Joins a call by id (F-CALL-03).
     *
     * @param actor who joins
     * @param id the call
     * @return where the actor is now
     */
    public CallJoin joinCall(UserId actor, CallId id) {
        Objects.requireNonNull(id, "call");
        try (Held held = state.exclusive()) {
            state.account(actor);
            return calls.join(actor, id);
        }
    }

    /**
     * Joins a call by its browser link (F-CALL-03, F-CALL-07).
     *
     * @param actor who joins
     * @param link the browser join link
     * @return where the actor is now: in the call or waiting
     */
    public CallJoin joinCallByLink(UserId actor, String link) {
        Objects.requireNonNull(link, "join link");
        try (Held held = state.exclusive()) {
            state.account(actor);
            return calls.joinByLink(actor, link);
        }
    }

    /**
     * Leaves a call (F-CALL-04).
     *
     * @param actor who leaves
     * @param id the call
     */
    public void leaveCall(UserId actor, CallId id) {
        callOp(actor, id, room -> {
            calls.leave(actor, id);
            return null;
        });
    }

    /**
     * Ends a call for everyone (F-CALL-04): organiser or call admins; ending it again changes nothing.
     *
     * @param actor who ends it
     * @param id the call
     * @throws PermissionDeniedException with {@code CALL_ADMIN_REQUIRED} for anyone else who takes part
     */
    public void endCallForAll(UserId actor, CallId id) {
        callOp(actor, id, room -> {
            calls.endForAll(actor, id);
            return null;
        });
    }

    /**
     * Invites contacts to a running call (F-CALL-08).
     *
     * @param actor a participant in the call
     * @param id the call
     * @param contacts the actor's contacts to invite
     */
    public void inviteToCall(UserId actor, CallId id, List<UserId> contacts) {
        List<UserId> copy = List.copyOf(contacts);
        try (Held held = state.exclusive()) {
            copy.forEach(state::account);
            callOp(actor, id, room -> {
                calls.invite(actor, id, copy);
                return null;
            });
        }
    }

    /**
     * Returns a call's attendance (F-EMB-06): organiser or call admins.
     *
     * @param actor who asks
     * @param id the call
     * @return the report
     */
    public AttendanceReport attendance(UserId actor, CallId id) {
        return callOp(actor, id, room -> calls.recordings().attendance(actor, id));
    }

    /**
     * Lists the participants in a call (F-CALL-05).
     *
     * @param actor one who takes part
     * @param id the call
     * @return the participants in it now
     */
    public List<Participant> callParticipants(UserId actor, CallId id) {
        return callOp(actor, id, room -> calls.moderation().participants(actor, id));
    }

    /**
     * Lists a call's waiting room (F-CALL-07): organiser or call admins.
     *
     * @param actor who asks
     * @param id the call
     * @return those waiting
     */
    public List<WaitingParticipant> waitingRoom(UserId actor, CallId id) {
        return callOp(actor, id, room -> calls.moderation().waitingRoom(actor, id));
    }

    /** What the organiser (or a call admin) does to a participant (F-CALL-07, F-CALL-09). */
    public enum ParticipantAction {
        /** Admit from the waiting room, or readmit after a removal. */
        ADMIT,
        /** Turn away from the waiting room. */
        REJECT,
        /** Remove from the call. */
        REMOVE,
        /** Turn the microphone off. */
        MUTE,
        /** Ask for attention. */
        ATTRACT_ATTENTION,
        /** Appoint an admin of the call (organiser only). */
        MAKE_ADMIN,
        /** Dismiss an admin of the call (organiser only). */
        DISMISS_ADMIN
    }

    /**
     * Acts on a participant (F-CALL-07, F-CALL-09): organiser or call admins.
     *
     * @param actor who acts
     * @param id the call
     * @param participant on whom
     * @param action what
     */
    public void actOnParticipant(UserId actor, CallId id,
                                 ParticipantId participant, ParticipantAction action) {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(action, "action");
        callOp(actor, id, room -> {
            switch (action) {
                case ADMIT -> calls.moderation().admit(actor, id, participant);
                case REJECT -> calls.moderation().reject(actor, id, participant);
                case REMOVE -> calls.moderation().remove(actor, id, participant);
                case MUTE -> calls.moderation().mute(actor, id, participant);
                case ATTRACT_ATTENTION -> calls.moderation().attractAttention(actor, id, participant);
                case MAKE_ADMIN -> calls.moderation().setAdmin(actor, id, participant, true);
                case DISMISS_ADMIN -> calls.moderation().setAdmin(actor, id, participant, false);
                default -> throw new IllegalArgumentException(String.valueOf(action));
            }
            return null;
        });
    }

    /**
     * Raises or lowers the actor's hand (F-CALL-05).
     *
     * @param actor a participant in the call
     * @param id the call
     * @param raised whether raised
     */
    public void raiseHand(UserId actor, CallId id, boolean raised) {
        callOp(actor, id, room -> {
            calls.moderation().raiseHand(actor, id, raised);
            return null;
        });
    }

    /**
     * Turns the actor's camera, microphone or screen sharing on or off (F-CALL-05).
     *
     * @param actor a participant in the call
     * @param id the call
     * @param media which
     * @param on whether on
     */
    public void setMedia(UserId actor, CallId id, Media media, boolean on) {
        Objects.requireNonNull(media, "media");
        callOp(actor, id, room -> {
            calls.moderation().setMedia(actor, id, media, on);
            return null;
        });
    }

    /**
     * Starts recording a call (F-CALL-10).
     *
     * @param actor the organiser or a call admin, in the call
     * @param id the call
     * @param request title, author, audience
     * @return the recording in progress
     */
    public Recording startRecording(UserId actor, CallId id,
                                                         RecordingRequest request) {
        Objects.requireNonNull(request, "recording request");
        return callOp(actor, id, room -> calls.recordings().startRecording(actor, id, request));
    }

    /**
     * Stops a call's recording and posts it in the call's chat (F-CALL-10, F-CALL-11).
     *
     * @param actor the organiser or a call admin
     * @param id the call
     * @return the stopped recording
     */
    public Recording stopRecording(UserId actor, CallId id) {
        return callOp(actor, id, room -> calls.recordings().stopRecording(actor, id));
    }

    /**
     * Lists a call's recordings as the actor sees them.
     *
     * @param actor one who takes part
     * @param id the call
     * @return the recordings
     */
    public List<Recording> recordings(UserId actor, CallId id) {
        return callOp(actor, id, room -> calls.recordings().recordings(actor, id));
    }

    /**
     * Returns a recording with its link, for those in its audience (F-CALL-10).
     *
     * @param actor who asks
     * @param id the recording
     * @return the recording
     */
    public Recording recording(UserId actor, RecordingId id) {
        Objects.requireNonNull(id, "recording");
        try (Held held = state.exclusive()) {
            state.account(actor);
            return calls.recordings().recording(actor, id);
        }
    }

    /**
     * Lists the recordings of a lesson's call (F-EMB-07).
     *
     * @param actor who asks
     * @param lessonKey the lesson's key
     * @return the recordings, empty when none or not taking part
     */
    public List<Recording> lessonRecordings(UserId actor, String lessonKey) {
        Objects.requireNonNull(lessonKey, "lesson key");
        try (Held held = state.exclusive()) {
            state.account(actor);
            return calls.recordings().lessonRecordings(actor, lessonKey);
        }
    }

    /**
     * Starts a broadcast of a lesson call (F-CALL-06).
     *
     * @param actor the organiser or a call admin
     * @param id the lesson call
     * @param title the title
     * @return the broadcast
     */
    public Broadcast startBroadcast(UserId actor, CallId id,
                                                         String title) {
        return callOp(actor, id, room -> calls.recordings().startBroadcast(actor, id, title));
    }

    /**
     * Stops a call's broadcast (F-CALL-06).
     *
     * @param actor the organiser or a call admin
     * @param id the call
     */
    public void stopBroadcast(UserId actor, CallId id) {
        callOp(actor, id, room -> {
            calls.recordings().stopBroadcast(actor, id);
            return null;
        });
    }

    /**
     * Opens a call by its short credentials (VK's {@code short_credentials}): the browser join link they lead to.
     *
     * @param shortId the short id
     * @param password the password
     * @return the browser join link
     * @throws NotFoundException with {@code CALL_NOT_FOUND} for an unknown id or a wrong password alike
     */
    public String joinLinkByShortCredentials(String shortId, String password) {
        try (Held held = state.exclusive()) {
            return calls.joinLinkByShortCredentials(Objects.requireNonNull(shortId, "short id"),
                    Objects.requireNonNull(password, "password"));
        }
    }

    /**
     * An anonymous guest joins by the link (F-CALL-07), as the call page lets them.
     *
     * @param link the browser join link
     * @param name the name to show
     * @return the guest's seat
     */
    public GuestTicket guestJoin(String link, String name) {
        try (Held held = state.exclusive()) {
            return calls.guests().guestJoin(link, name);
        }
    }

    /**
     * A guest comes back with the same seat.
     *
     * @param secret the seat's secret
     * @return where the guest stands now
     */
    public GuestStatus guestRejoin(String secret) {
        try (Held held = state.exclusive()) {
            return calls.guests().guestRejoin(Objects.requireNonNull(secret, "secret"));
        }
    }

    /**
     * Where a guest stands.
     *
     * @param secret the seat's secret
     * @return the status
     */
    public GuestStatus guestStatus(String secret) {
        try (Held held = state.exclusive()) {
            return calls.guests().guestStatus(Objects.requireNonNull(secret, "secret"));
        }
    }

    /**
     * A guest leaves.
     *
     * @param secret the seat's secret
     */
    public void guestLeave(String secret) {
        try (Held held = state.exclusive()) {
            calls.guests().guestLeave(Objects.requireNonNull(secret, "secret"));
        }
    }

    /**
     * What the call page shows anyone who holds a browser join link (F-CALL-03): the call's title, state and
     * settings.
     *
     * @param link the browser join link
     * @return the call as the page shows it
     * @throws NotFoundException with {@code CALL_NOT_FOUND} for an unknown link
     */
    public CallPageView callPage(String link) {
        try (Held held = state.exclusive()) {
            return calls.guests().callPage(Objects.requireNonNull(link, "link"));
        }
    }

    /**
     * What the call page shows an anonymous guest (F-CALL-07): their call, where they stand and, while in the call,
     * its participants.
     *
     * @param secret the seat's secret
     * @return the guest's view
     * @throws NotFoundException with {@code PARTICIPANT_NOT_FOUND} for an unknown secret
     */
    public CallPageView.Guest guestPage(String secret) {
        try (Held held = state.exclusive()) {
            return calls.guests().guestPage(Objects.requireNonNull(secret, "secret"));
        }
    }

    /**
     * A guest asks for a recording's link: always refused (F-CALL-10).
     *
     * @param secret the seat's secret
     * @param recording the recording
     * @return never returns normally
     */
    public String guestRecordingLink(String secret, RecordingId recording) {
        try (Held held = state.exclusive()) {
            return calls.guests().guestRecordingLink(Objects.requireNonNull(secret, "secret"),
                    Objects.requireNonNull(recording, "recording"));
        }
    }

    private <T> T callOp(UserId actor, CallId id, Function<CallRoom, T> op) {
        Objects.requireNonNull(id, "call");
        try (Held held = state.exclusive()) {
            state.account(actor);
            return op.apply(calls.visible(actor, id));
        }
    }
}
