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
 * Every rule of calls, in one place that the fake and the emulator both reach through {@link PlatformEngine}
 * (docs/calls.md): who takes part in a call and may join it, when (its state on the clock), through the waiting room
 * or not, anonymously or not; what participants do and what the organiser and the admins they appoint may do to
 * them; recordings and who may watch them; broadcasts; the call's own chat; attendance; and the events each of these
 * sends. Every method runs under the engine's lock.
 */
final class CallRules {
    /** [choice] The most people in a call at once (Sferum's 2020 plan: 100). */
    static final int MAX_PARTICIPANTS = 100;
    /** [choice] Wrong passwords for one call's short id before it is locked (as VK ID locks SMS codes). */
    static final int MAX_SHORT_ATTEMPTS = 5;
    /** [choice] How long a call's short id stays locked after too many wrong passwords. */
    static final java.time.Duration SHORT_LOCK = java.time.Duration.ofMinutes(15);
    /** [choice] The longest name an anonymous guest may give. */
    static final int MAX_GUEST_NAME = 64;
    /** [choice] The longest title of a call by link or a broadcast. */
    static final int MAX_TITLE = 128;
    /** [choice] Where the desktop app's deep links point: this base followed by the call's link key. */
    static final String APP_LINK_BASE = "sferum-calls://join/";
    /** [choice] Where recordings are watched: this base followed by the recording id. */
    static final String RECORDING_LINK_BASE = "https://vk.com/call/record/";
    /** [choice] Where broadcasts are watched: this base followed by the call's link key. */
    static final String BROADCAST_LINK_BASE = "https://vk.com/call/live/";
    /** The path part every browser join link has, whatever its host. */
    static final String JOIN_PATH = "/call/join/";

    /** What the rules need of the rest of the engine. */
    interface Context {
        /** The engine's time, to the second. */
        Instant now();

        /** A random key for links and secrets. */
        String randomKey();

        /** The id a member addresses a chat by (a one-to-one chat: {@code direct(otherUser)}). */
        ChatId chatIdFor(long peerId, UserId viewer);

        /** Whether a user is a member of a chat now. */
        boolean isChatMember(long peerId, UserId user);

        /** The chat's members now. */
        List<UserId> chatMembers(long peerId);

        /** The user's display name. */
        String name(UserId user);

        /** Whether two users are contacts (F-ACC-01). */
        boolean isContact(UserId a, UserId b);

        /** Creates a call's own chat owned by the organiser; returns its peer id. */
        long createCallChat(UserId owner, String title);

        /** Adds a user to a call's chat, if not a member. */
        void addToCallChat(long peerId, UserId user);

        /** Posts a message in a chat as a member. */
        void post(long peerId, UserId author, String text);

        /** Delivers an event to a user's subscriptions. */
        void emit(UserId to, SferumEvent event);
    }

    private final Context ctx;
    private final Map<CallId, CallRoom> rooms = new LinkedHashMap<>();
    private final Map<String, CallId> byLesson = new HashMap<>();
    private final Map<String, CallId> byLinkKey = new HashMap<>();
    private final Map<Long, CallId> runningInChat = new HashMap<>();
    private final Map<RecordingId, CallRoom> recordingRooms = new HashMap<>();
    private volatile String linkBase = CallService.CALL_LINK_BASE;
    private long nextCall = 1;
    private long nextRecording = 1;

    CallRules(Context ctx) {
        this.ctx = ctx;
    }

    /** Where browser join links point from now on: this base followed by the call's link key. */
    void serveLinksAt(String base) {
        this.linkBase = base;
    }

    // ------------------------------------------------------------------------------------------------ creating

    /** The call already created for a lesson, if any. */
    Optional<CallRoom> lessonRoom(String lessonKey) {
        return Optional.ofNullable(byLesson.get(lessonKey)).map(rooms::get);
    }

    /** Creates the call of a lesson (the caller checked the teacher and the class chat). */
    CallRoom createLesson(UserId teacher, Lesson lesson, long classChat, Instant startsAt) {
        CallRoom room = add(CallKind.LESSON, "Онлайн-урок: " + lesson.subject() + ", " + lesson.className(), teacher,
                classChat, lesson.lessonKey(), true, startsAt, CallSettings.DEFAULT);
        byLesson.put(lesson.lessonKey(), room.id());
        observe(room);
        return room;
    }

    /**
     * Starts a call in a chat (the caller checked the chat's «call» permission), or returns the one running there;
     * the actor is in it either way.
     */
    CallRoom startInChat(UserId actor, long peerId, String title, boolean video) {
        CallId running = runningInChat.get(peerId);
        CallRoom room = running == null ? null : rooms.get(running);
        if (room == null || state(room) != CallState.RUNNING) {
            room = add(CallKind.CHAT, title, actor, peerId, null, video, ctx.now(), CallSettings.DEFAULT);
            runningInChat.put(peerId, room.id());
            observe(room);
        }
        enter(room, actor);
        return room;
    }

    /** Creates and starts a call by link; the creator is in it. */
    CallRoom startByLink(UserId actor, String title, CallSettings settings) {
        requireTitle(title, "call title");
        CallRoom room = add(CallKind.LINK, title.strip(), actor, 0, null, true, ctx.now(), settings);
        observe(room);
        enter(room, actor);
        return room;
    }

    private CallRoom add(CallKind kind, String title, UserId organiser, long chatPeerId, String lessonKey,
                         boolean video, Instant startsAt, CallSettings settings) {
        long number = nextCall++;
        String key = ctx.randomKey();
        // the id does not contain the link key: knowing a call's id must not let anyone build its join link
        CallId id = new CallId(kind.name().toLowerCase() + number + "_" + ctx.randomKey());
        String shortId = Long.toString(100_000_000L + number);
        String password = Long.toString(100_000 + Math.floorMod(ctx.randomKey().hashCode(), 900_000));
        CallRoom room = new CallRoom(id, kind, title, organiser, chatPeerId, lessonKey, video, startsAt, settings,
                key, shortId, password);
        rooms.put(id, room);
        byLinkKey.put(key, id);
        return room;
    }

    private static void requireTitle(String title, String what) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, what + " must be 1 to " + MAX_TITLE
                    + " characters");
        }
    }

    // ------------------------------------------------------------------------------------------------ the clock

    /** Observes every call's start on the clock: creates the call chats and sends {@code CallStarted}. */
    void tick() {
        for (CallRoom room : new ArrayList<>(rooms.values())) {
            observe(room);
        }
    }

    /**
     * Observes a call's start (F-CALL-11): the first time a call is seen running, its own chat is created and
     * everyone invited hears it started.
     */
    private void observe(CallRoom room) {
        if (room.started || state(room) != CallState.RUNNING) {
            return;
        }
        room.started = true;
        room.callChatPeerId = ctx.createCallChat(room.organiser(), "Чат звонка «" + room.title() + "»");
        notify(audience(room), new SferumEvent.CallStarted(room.id(), room.kind(), room.title()));
    }

    /** The call's state now. */
    CallState state(CallRoom room) {
        if (room.endedAt != null) {
            return CallState.ENDED;
        }
        return ctx.now().isBefore(room.startsAt()) ? CallState.SCHEDULED : CallState.RUNNING;
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Finds a call, or refuses with {@code CALL_NOT_FOUND}. */
    CallRoom find(CallId id) {
        CallRoom room = rooms.get(id);
        if (room == null) {
            throw new NotFoundException(ErrorCode.CALL_NOT_FOUND, "call " + id.value()
                    + " does not exist; list the user's calls to find its id");
        }
        observe(room);
        return room;
    }

    /** Finds a call by its browser join link, or refuses with {@code CALL_NOT_FOUND}. */
    CallRoom findByLink(String link) {
        String key = linkKey(link);
        CallId id = key == null ? null : byLinkKey.get(key);
        if (id == null) {
            throw new NotFoundException(ErrorCode.CALL_NOT_FOUND, "no call has this join link; ask the organiser "
                    + "for the link again");
        }
        return find(id);
    }

    /**
     * The browser join link that short credentials open (VK's {@code link_with_password}): the same answer,
     * {@code CALL_NOT_FOUND}, for an unknown id and a wrong password, so that guessing learns nothing; after
     * {@link #MAX_SHORT_ATTEMPTS} wrong passwords the id is locked for {@link #SHORT_LOCK}
     * ({@code TOO_MANY_ATTEMPTS}), even for the right one.
     */
    String joinLinkByShortCredentials(String shortId, String password) {
        for (CallRoom room : rooms.values()) {
            if (!room.shortId().equals(shortId)) {
                continue;
            }
            Instant now = ctx.now();
            if (room.shortLockedUntil != null && now.isBefore(room.shortLockedUntil)) {
                throw new RateLimitException(ErrorCode.TOO_MANY_ATTEMPTS, "too many wrong passwords for this call "
                        + "id; try again later or ask the organiser for the link",
                        java.time.Duration.between(now, room.shortLockedUntil), null, null, null);
            }
            if (room.password().equals(password)) {
                room.shortFailures = 0;
                return linkBase + room.linkKey();
            }
            if (++room.shortFailures >= MAX_SHORT_ATTEMPTS) {
                room.shortFailures = 0;
                room.shortLockedUntil = now.plus(SHORT_LOCK);
            }
        }
        throw new NotFoundException(ErrorCode.CALL_NOT_FOUND, "no call has this id and password; check both, or "
                + "ask the organiser for the link");
    }

    /** The link key at the end of a join link ({@code …/call/join/KEY}), or {@code null}. */
    static String linkKey(String link) {
        if (link == null) {
            return null;
        }
        int at = link.indexOf(JOIN_PATH);
        if (at < 0) {
            return null;
        }
        String key = link.substring(at + JOIN_PATH.length());
        int end = key.indexOf('?');
        key = end < 0 ? key : key.substring(0, end);
        end = key.indexOf('#');
        key = end < 0 ? key : key.substring(0, end);
        return key.isEmpty() || key.contains("/") ? null : key;
    }

    /**
     * A call the actor takes part in or waits to be admitted to (so that acting while waiting is refused with
     * {@code WAITING_FOR_ADMISSION}), or refuses with {@code NOT_INVITED_TO_CALL}.
     */
    CallRoom visible(UserId actor, CallId id) {
        CallRoom room = find(id);
        ParticipantId knocking = room.byUser.get(actor);
        boolean waiting = knocking != null && room.waiting.containsKey(knocking);
        if (!takesPart(room, actor) && !waiting) {
            throw notInvited(room, actor);
        }
        return room;
    }

    private static PermissionDeniedException notInvited(CallRoom room, UserId actor) {
        String who = switch (room.kind()) {
            case CHAT -> "the members of its chat and the contacts invited";
            case LESSON -> "the members of the lesson's class chat and the contacts invited";
            case LINK -> "those who hold its link and the contacts invited";
        };
        return new PermissionDeniedException(ErrorCode.NOT_INVITED_TO_CALL, "user " + actor.value()
                + " is not invited to call " + room.id().value() + "; only " + who + " take part");
    }

    /**
     * Whether a user takes part in a call: its organiser or an admin, a member of its chat, an invited contact, or
     * one who was in it (by its link). Waiting in the waiting room, or being turned away from it, is not taking part.
     */
    boolean takesPart(CallRoom room, UserId user) {
        return room.organiser().equals(user) || room.admins.contains(user) || room.invited.contains(user)
                || wasInCall(room, user)
                || (room.chatPeerId() != 0 && ctx.isChatMember(room.chatPeerId(), user));
    }

    /** Whether the user was in the call at least once (a knock at the waiting room alone does not count). */
    private static boolean wasInCall(CallRoom room, UserId user) {
        ParticipantId pid = room.byUser.get(user);
        return pid != null && !room.seats.get(pid).stays().isEmpty();
    }

    /** Refuses before anything changes when the call is full and the participant is not in it already. */
    private static void requireRoomFor(CallRoom room, ParticipantId pid) {
        if ((pid == null || !room.present.containsKey(pid)) && room.present.size() >= MAX_PARTICIPANTS) {
            throw new ConflictException(ErrorCode.LIMIT_REACHED, "call " + room.id().value() + " already has "
                    + MAX_PARTICIPANTS + " participants, the most a call takes");
        }
    }

    /** The calls a user takes part in, newest first. */
    List<Call> callsOf(UserId user) {
        List<Call> out = new ArrayList<>();
        for (CallRoom room : rooms.values()) {
            observe(room);
            if (takesPart(room, user)) {
                out.add(0, view(room, user));
            }
        }
        return out;
    }

    /** The call of a lesson if the user takes part in it. */
    Optional<Call> forLesson(UserId user, String lessonKey) {
        return lessonRoom(lessonKey).map(room -> {
            observe(room);
            return room;
        }).filter(room -> takesPart(room, user)).map(room -> view(room, user));
    }

    /** The call as a participant sees it now: the links only while it runs. */
    Call view(CallRoom room, UserId viewer) {
        CallState state = state(room);
        Optional<CallLinks> links = Optional.empty();
        if (state == CallState.RUNNING) {
            links = Optional.of(new CallLinks(linkBase + room.linkKey(), APP_LINK_BASE + room.linkKey(),
                    CallService.OK_CALL_LINK_BASE + room.linkKey(),
                    new ShortCredentials(room.shortId(), room.password())));
        }
        return new Call(room.id(), room.kind(), room.title(), room.organiser(), state, room.startsAt(),
                Optional.ofNullable(room.endedAt), room.video(),
                room.chatPeerId() == 0 ? Optional.empty() : Optional.of(ctx.chatIdFor(room.chatPeerId(), viewer)),
                room.callChatPeerId == 0 ? Optional.empty() : Optional.of(ctx.chatIdFor(room.callChatPeerId, viewer)),
                Optional.ofNullable(room.lessonKey()), room.settings(), links,
                Optional.ofNullable(room.broadcast));
    }

    // ------------------------------------------------------------------------------------------------ joining

    /**
     * Joins a call by its id (F-CALL-03): those who take part; one whose only tie is having knocked at a call by
     * link goes back to its waiting room.
     */
    CallJoin join(UserId actor, CallId id) {
        return come(visible(actor, id), actor);
    }

    /**
     * Joins by the browser link (F-CALL-03, F-CALL-07): a call by link lets in whoever holds it, through the
     * waiting room when it is on; a call of a chat or lesson only those who take part.
     */
    CallJoin joinByLink(UserId actor, String link) {
        return come(findByLink(link), actor);
    }

    private CallJoin come(CallRoom room, UserId actor) {
        boolean invited = takesPart(room, actor) && !onlyKnocked(room, actor);
        if (!invited && room.kind() != CallKind.LINK) {
            throw notInvited(room, actor);
        }
        requireRunning(room);
        if (invited || !room.settings().waitingRoom()) {
            return enter(room, actor);
        }
        ParticipantId pid = seat(room, actor, null, ctx.name(actor));
        requireNotRemoved(room, pid);
        knock(room, pid);
        return new CallJoin(view(room, actor), pid, JoinStatus.WAITING, role(room, pid));
    }

    /** Whether the user's only tie to the call is a seat they got by knocking, still waiting or turned away. */
    private boolean onlyKnocked(CallRoom room, UserId user) {
        boolean otherTie = room.organiser().equals(user) || room.admins.contains(user) || room.invited.contains(user)
                || (room.chatPeerId() != 0 && ctx.isChatMember(room.chatPeerId(), user));
        return !otherTie && room.byUser.containsKey(user);
    }

    private void requireRunning(CallRoom room) {
        CallState state = state(room);
        if (state == CallState.ENDED) {
            throw new ConflictException(ErrorCode.CALL_ENDED, "call " + room.id().value() + " has ended for "
                    + "everyone; it cannot be joined or changed any more");
        }
        if (state == CallState.SCHEDULED) {
            throw new ConflictException(ErrorCode.CALL_NOT_STARTED, "call " + room.id().value() + " starts at "
                    + room.startsAt() + "; its link works from then on");
        }
    }

    private static void requireNotRemoved(CallRoom room, ParticipantId pid) {
        if (room.removed.contains(pid)) {
            throw new PermissionDeniedException(ErrorCode.REMOVED_FROM_CALL, "participant " + pid.value()
                    + " was removed from call " + room.id().value() + "; only the organiser can readmit them");
        }
    }

    /** Puts a registered user in the call (they are invited, or no waiting room applies). */
    private CallJoin enter(CallRoom room, UserId actor) {
        UserId user = actor;
        ParticipantId known = room.byUser.get(user);
        if (known != null) {
            requireNotRemoved(room, known);
        }
        requireRoomFor(room, known);
        ParticipantId pid = seat(room, user, null, ctx.name(user));
        requireNotRemoved(room, pid);
        room.waiting.remove(pid);
        if (!room.present.containsKey(pid)) {
            arrive(room, pid);
        }
        if (!room.invited.contains(user) && room.kind() == CallKind.LINK) {
            room.invited.add(user);
        }
        return new CallJoin(view(room, actor), pid, JoinStatus.IN_CALL, role(room, pid));
    }

    /** Gives a user or a guest a participant id in the call, once. */
    private ParticipantId seat(CallRoom room, UserId user, String secret, String name) {
        if (user != null) {
            ParticipantId known = room.byUser.get(user);
            if (known != null) {
                return known;
            }
            ParticipantId pid = new ParticipantId("u" + user.value());
            room.seats.put(pid, new CallRoom.Seat(pid, user, name, null, new ArrayList<>()));
            room.byUser.put(user, pid);
            return pid;
        }
        ParticipantId pid = new ParticipantId("g" + (++room.guests));
        room.seats.put(pid, new CallRoom.Seat(pid, null, name, secret, new ArrayList<>()));
        room.bySecret.put(secret, pid);
        return pid;
    }

    private void arrive(CallRoom room, ParticipantId pid) {
        if (room.present.size() >= MAX_PARTICIPANTS) {
            throw new ConflictException(ErrorCode.LIMIT_REACHED, "call " + room.id().value() + " already has "
                    + MAX_PARTICIPANTS + " participants, the most a call takes");
        }
        Instant now = ctx.now();
        room.present.put(pid, new CallRoom.Presence(now));
        CallRoom.Seat seat = room.seats.get(pid);
        seat.stays().add(new CallRoom.Stay(now));
        if (seat.user() != null && room.callChatPeerId != 0) {
            ctx.addToCallChat(room.callChatPeerId, seat.user());
        }
        notify(inCall(room), new SferumEvent.ParticipantJoined(room.id(), pid, seat.name()));
    }

    private void knock(CallRoom room, ParticipantId pid) {
        if (!room.waiting.containsKey(pid)) {
            room.waiting.put(pid, ctx.now());
            notify(admins(room), new SferumEvent.ParticipantWaiting(room.id(), pid, room.seats.get(pid).name()));
        }
    }

    /** Takes a participant out of the call (left, removed, or the call ended), closing their stay. */
    private void depart(CallRoom room, ParticipantId pid, boolean removed) {
        if (room.present.remove(pid) == null) {
            return;
        }
        Instant now = ctx.now();
        List<CallRoom.Stay> stays = room.seats.get(pid).stays();
        stays.get(stays.size() - 1).leftAt = now;
        Set<UserId> told = inCall(room);
        UserId user = room.seats.get(pid).user();
        if (user != null) {
            told.add(user);
        }
        notify(told, new SferumEvent.ParticipantLeft(room.id(), pid, removed));
    }

    /** Leaves a call (F-CALL-04): the call goes on; leaving a call one is not in changes nothing. */
    void leave(UserId actor, CallId id) {
        CallRoom room = find(id);
        visible(actor, id);
        ParticipantId pid = room.byUser.get(actor);
        if (pid != null) {
            room.waiting.remove(pid);
            depart(room, pid, false);
        }
    }

    /**
     * Ends a call for everyone (F-CALL-04): organiser or admins. Everyone is out, the waiting room is emptied, a
     * running recording stops and is posted, the broadcast stops. Ending an ended call changes nothing.
     */
    void endForAll(UserId actor, CallId id) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        if (room.endedAt != null) {
            return;
        }
        for (RecordingState recording : running(room)) {
            finish(room, recording);
        }
        room.broadcast = null;
        for (ParticipantId pid : new ArrayList<>(room.present.keySet())) {
            depart(room, pid, false);
        }
        // those still waiting hear that the call ended too, so that their waiting screen can close
        Set<UserId> told = audience(room);
        for (ParticipantId pid : room.waiting.keySet()) {
            UserId user = room.seats.get(pid).user();
            if (user != null) {
                told.add(user);
            }
        }
        room.waiting.clear();
        room.endedAt = ctx.now();
        runningInChat.remove(room.chatPeerId(), room.id());
        notify(told, new SferumEvent.CallEnded(room.id()));
    }

    /** Invites contacts to a running call (F-CALL-08): a participant in the call invites their contacts. */
    void invite(UserId actor, CallId id, Collection<UserId> contacts) {
        CallRoom room = visible(actor, id);
        requireRunning(room);
        requireInCall(room, actor);
        for (UserId contact : contacts) {
            if (!contact.equals(actor) && !ctx.isContact(actor, contact)) {
                throw new PermissionDeniedException(ErrorCode.NOT_A_CONTACT, "user " + contact.value()
                        + " is not among the contacts of user " + actor.value() + "; invite them by the link instead");
            }
        }
        for (UserId contact : contacts) {
            if (!contact.equals(actor) && room.invited.add(contact) && room.started) {
                ctx.emit(contact, new SferumEvent.CallStarted(room.id(), room.kind(), room.title()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ guests

    /** An anonymous guest joins by the link (F-CALL-07): only where anonymous participants are allowed. */
    GuestTicket guestJoin(String link, String name) {
        CallRoom room = findByLink(link);
        if (name == null || name.isBlank() || name.strip().length() > MAX_GUEST_NAME) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "a guest's name must be 1 to "
                    + MAX_GUEST_NAME + " characters");
        }
        requireRunning(room);
        if (!room.settings().anonymousAllowed()) {
            throw new PermissionDeniedException(ErrorCode.ANONYMOUS_NOT_ALLOWED, "call " + room.id().value()
                    + " does not let anonymous participants in; sign in with an educational profile, or ask the "
                    + "organiser to allow anonymous participants");
        }
        if (!room.settings().waitingRoom()) {
            requireRoomFor(room, null);
        }
        String secret = ctx.randomKey() + ctx.randomKey();
        ParticipantId pid = seat(room, null, secret, name.strip());
        if (room.settings().waitingRoom()) {
            knock(room, pid);
        } else {
            arrive(room, pid);
        }
        return new GuestTicket(pid, name.strip(), secret);
    }

    /** The room and participant of a guest's secret. */
    private Map.Entry<CallRoom, ParticipantId> guest(String secret) {
        for (CallRoom room : rooms.values()) {
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
        requireRunning(room);
        if (!room.settings().anonymousAllowed()) {
            throw new PermissionDeniedException(ErrorCode.ANONYMOUS_NOT_ALLOWED, "call " + room.id().value()
                    + " does not let anonymous participants in");
        }
        requireNotRemoved(room, pid);
        if (!room.present.containsKey(pid)) {
            if (room.settings().waitingRoom() && !room.readmitted.contains(pid)) {
                knock(room, pid);
            } else {
                requireRoomFor(room, pid);
                arrive(room, pid);
            }
        }
        return guestStatus(secret);
    }

    /** A guest leaves. */
    void guestLeave(String secret) {
        Map.Entry<CallRoom, ParticipantId> g = guest(secret);
        g.getKey().waiting.remove(g.getValue());
        depart(g.getKey(), g.getValue(), false);
    }

    /** What the call page shows anyone holding the link (no rule: a read), or {@code CALL_NOT_FOUND}. */
    CallPageView callPage(String link) {
        CallRoom room = findByLink(link);
        return new CallPageView(room.linkKey(), room.title(), state(room), room.settings());
    }

    /** What the call page shows a guest: the call, where they stand and, while in the call, who else is in it. */
    CallPageView.Guest guestPage(String secret) {
        Map.Entry<CallRoom, ParticipantId> g = guest(secret);
        CallRoom room = g.getKey();
        observe(room);
        GuestStatus status = guestStatus(secret);
        return new CallPageView.Guest(new CallPageView(room.linkKey(), room.title(), state(room), room.settings()),
                g.getValue(), room.seats.get(g.getValue()).name(), status,
                status == GuestStatus.IN_CALL ? present(room) : List.of());
    }

    /** A guest asks for a recording: never given (F-CALL-10). */
    String guestRecordingLink(String secret, RecordingId recording) {
        guest(secret);
        recordingRoom(recording);
        throw new PermissionDeniedException(ErrorCode.EDUCATIONAL_PROFILE_REQUIRED, "recordings are available "
                + "only to users with an educational profile; anonymous participants never get their links");
    }

    // ------------------------------------------------------------------------------------------------ participants

    private void requireAdmin(CallRoom room, UserId actor) {
        if (!isAdmin(room, actor)) {
            throw new PermissionDeniedException(ErrorCode.CALL_ADMIN_REQUIRED, "only the organiser of call "
                    + room.id().value() + " and the admins they appoint may do this");
        }
    }

    private static boolean isAdmin(CallRoom room, UserId user) {
        return room.organiser().equals(user) || room.admins.contains(user);
    }

    /** The actor's participant id if they are in the call now; else refuses (waiting, or not in it). */
    private ParticipantId requireInCall(CallRoom room, UserId actor) {
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

    private CallRole role(CallRoom room, ParticipantId pid) {
        UserId user = room.seats.get(pid).user();
        if (user == null) {
            return CallRole.PARTICIPANT;
        }
        if (room.organiser().equals(user)) {
            return CallRole.ORGANISER;
        }
        return room.admins.contains(user) ? CallRole.ADMIN : CallRole.PARTICIPANT;
    }

    /** The participants in the call (F-CALL-05): anyone who takes part may look, except while waiting. */
    List<Participant> participants(UserId actor, CallId id) {
        CallRoom room = visible(actor, id);
        ParticipantId mine = room.byUser.get(actor);
        if (mine != null && room.waiting.containsKey(mine)) {
            requireInCall(room, actor);
        }
        if (onlyKnocked(room, actor) && !room.present.containsKey(mine)) {
            // turned away from the waiting room (or removed from a call by link): no look inside
            requireNotRemoved(room, mine);
            throw notInvited(room, actor);
        }
        return present(room);
    }

    /** Who is in the call now, in order of joining. */
    private List<Participant> present(CallRoom room) {
        List<Participant> out = new ArrayList<>();
        for (Map.Entry<ParticipantId, CallRoom.Presence> e : room.present.entrySet()) {
            CallRoom.Seat seat = room.seats.get(e.getKey());
            CallRoom.Presence p = e.getValue();
            out.add(new Participant(e.getKey(), Optional.ofNullable(seat.user()), seat.name(), role(room, e.getKey()),
                    p.camera, p.microphone, p.screen, p.hand, p.attention, p.joinedAt));
        }
        return out;
    }

    /** The waiting room (F-CALL-07): organiser or admins. */
    List<WaitingParticipant> waitingRoom(UserId actor, CallId id) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        List<WaitingParticipant> out = new ArrayList<>();
        room.waiting.forEach((pid, since) -> {
            CallRoom.Seat seat = room.seats.get(pid);
            out.add(new WaitingParticipant(pid, Optional.ofNullable(seat.user()), seat.name(), since));
        });
        return out;
    }

    private CallRoom.Seat seatOf(CallRoom room, ParticipantId pid) {
        CallRoom.Seat seat = room.seats.get(pid);
        if (seat == null) {
            throw new NotFoundException(ErrorCode.PARTICIPANT_NOT_FOUND, "call " + room.id().value()
                    + " has no participant " + pid.value() + "; list its participants or waiting room");
        }
        return seat;
    }

    /**
     * Admits someone from the waiting room into the call, or lifts a removal so they may come back (F-CALL-07,
     * F-CALL-09).
     */
    void admit(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        requireRunning(room);
        CallRoom.Seat seat = seatOf(room, pid);
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
        requireRoomFor(room, pid);
        room.waiting.remove(pid);
        if (seat.user() != null) {
            room.invited.add(seat.user());
        }
        room.readmitted.add(pid);
        arrive(room, pid);
    }

    /** Turns someone away from the waiting room (F-CALL-07); they may knock again. */
    void reject(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        seatOf(room, pid);
        if (room.waiting.remove(pid) == null) {
            throw new NotFoundException(ErrorCode.PARTICIPANT_NOT_FOUND, "participant " + pid.value()
                    + " is not waiting to join call " + room.id().value());
        }
    }

    /** Removes a participant (F-CALL-09); they cannot come back unless readmitted; nobody removes the organiser. */
    void remove(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        CallRoom.Seat seat = requireOther(room, pid);
        room.waiting.remove(pid);
        room.readmitted.remove(pid);
        room.removed.add(pid);
        if (seat.user() != null) {
            room.invited.remove(seat.user());
            room.admins.remove(seat.user());
        }
        depart(room, pid, true);
    }

    /** A seat that is not the organiser's, in the call or waiting. */
    private CallRoom.Seat requireOther(CallRoom room, ParticipantId pid) {
        CallRoom.Seat seat = seatOf(room, pid);
        if (room.organiser().equals(seat.user())) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "nobody acts on the organiser of call "
                    + room.id().value() + " but the organiser");
        }
        return seat;
    }

    private CallRoom.Presence presentOrRefuse(CallRoom room, ParticipantId pid) {
        seatOf(room, pid);
        CallRoom.Presence p = room.present.get(pid);
        if (p == null) {
            throw new ConflictException(ErrorCode.NOT_IN_CALL, "participant " + pid.value() + " is not in call "
                    + room.id().value() + " now");
        }
        return p;
    }

    /** Turns a participant's microphone off (F-CALL-09); they may turn it on again. */
    void mute(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        requireRunning(room);
        requireOther(room, pid);
        presentOrRefuse(room, pid).microphone = false;
    }

    /** Asks a participant for attention (F-CALL-09): marked until they next act. */
    void attractAttention(UserId actor, CallId id, ParticipantId pid) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        requireRunning(room);
        CallRoom.Seat seat = requireOther(room, pid);
        presentOrRefuse(room, pid).attention = true;
        if (seat.user() != null) {
            ctx.emit(seat.user(), new SferumEvent.AttentionRequested(room.id(), pid));
        }
    }

    /** Appoints or dismisses an admin of the call (F-CALL-09): organiser only, registered participants only. */
    void setAdmin(UserId actor, CallId id, ParticipantId pid, boolean admin) {
        CallRoom room = visible(actor, id);
        if (!room.organiser().equals(actor)) {
            throw new PermissionDeniedException(ErrorCode.CALL_ADMIN_REQUIRED, "only the organiser of call "
                    + room.id().value() + " appoints its admins");
        }
        requireRunning(room);
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
        CallRoom room = visible(actor, id);
        requireRunning(room);
        ParticipantId pid = requireInCall(room, actor);
        CallRoom.Presence p = room.present.get(pid);
        p.attention = false;
        if (p.hand != raised) {
            p.hand = raised;
            notify(inCall(room), new SferumEvent.HandRaised(room.id(), pid, raised));
        }
    }

    /** Turns the actor's own camera, microphone or screen sharing on or off (F-CALL-05); screen needs video. */
    void setMedia(UserId actor, CallId id, Media media, boolean on) {
        CallRoom room = visible(actor, id);
        requireRunning(room);
        ParticipantId pid = requireInCall(room, actor);
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

    // ------------------------------------------------------------------------------------------------ recordings

    private static List<RecordingState> running(CallRoom room) {
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
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        requireRunning(room);
        requireInCall(room, actor);
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
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        List<RecordingState> now = running(room);
        if (now.isEmpty()) {
            throw new ConflictException(ErrorCode.RECORDING_STATE_CONFLICT, "call " + room.id().value()
                    + " is not being recorded");
        }
        RecordingState recording = now.get(0);
        finish(room, recording);
        return recordingView(room, recording, actor);
    }

    private void finish(CallRoom room, RecordingState recording) {
        recording.stoppedAt = ctx.now();
        long seconds = java.time.Duration.between(recording.startedAt, recording.stoppedAt).getSeconds();
        String length = String.format("%d:%02d", seconds / 60, seconds % 60);
        ctx.addToCallChat(room.callChatPeerId, recording.recordedBy);
        // [choice] the link goes into the chat unless the recording is for its author only; opening it still
        // checks the audience (RECORDING_NOT_VISIBLE)
        String where = recording.audience == RecordingAudience.ONLY_ME
                ? " сохранена; её видит только автор" : ": " + RECORDING_LINK_BASE + recording.id.value();
        ctx.post(room.callChatPeerId, recording.recordedBy, "Запись звонка «" + recording.title + "» (" + length
                + ")" + where);
        for (UserId user : audience(room)) {
            ctx.emit(user, new SferumEvent.RecordingReady(room.id(), recordingView(room, recording, user)));
        }
    }

    /** Whether a user (with an educational profile: every engine user has one) may watch a recording. */
    private boolean mayWatch(CallRoom room, RecordingState recording, UserId user) {
        return switch (recording.audience) {
            case ONLY_ME -> recording.recordedBy.equals(user);
            // one whose only tie is a knock at the waiting room (still waiting or turned away) never took part
            case PARTICIPANTS -> recording.recordedBy.equals(user)
                    || (takesPart(room, user) && !onlyKnocked(room, user))
                    || (room.callChatPeerId != 0 && ctx.isChatMember(room.callChatPeerId, user));
            case EDUCATIONAL_PROFILES -> true;
        };
    }

    private Recording recordingView(CallRoom room, RecordingState r, UserId viewer) {
        Optional<String> link = r.stoppedAt != null && mayWatch(room, r, viewer)
                ? Optional.of(RECORDING_LINK_BASE + r.id.value()) : Optional.empty();
        return new Recording(r.id, room.id(), r.title, r.recordedBy, r.author, r.audience, r.startedAt,
                Optional.ofNullable(r.stoppedAt), Optional.ofNullable(room.lessonKey()), link);
    }

    private CallRoom recordingRoom(RecordingId id) {
        CallRoom room = recordingRooms.get(id);
        if (room == null) {
            throw new NotFoundException(ErrorCode.RECORDING_NOT_FOUND, "recording " + id.value() + " does not "
                    + "exist; list the call's recordings to find its id");
        }
        return room;
    }

    /** A call's recordings as the actor sees them. */
    List<Recording> recordings(UserId actor, CallId id) {
        CallRoom room = visible(actor, id);
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
        Optional<CallRoom> room = lessonRoom(lessonKey);
        if (room.isEmpty() || !takesPart(room.get(), actor)) {
            return List.of();
        }
        return recordings(actor, room.get().id());
    }

    /** Starts a broadcast of a running lesson call (F-CALL-06). */
    Broadcast startBroadcast(UserId actor, CallId id, String title) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        requireTitle(title, "broadcast title");
        if (room.kind() != CallKind.LESSON) {
            throw new ConflictException(ErrorCode.CONFLICT, "call " + room.id().value() + " is not a lesson call; "
                    + "broadcasts start from a call created from the journal");
        }
        requireRunning(room);
        if (room.broadcast != null) {
            throw new ConflictException(ErrorCode.RECORDING_STATE_CONFLICT, "call " + room.id().value()
                    + " is already being broadcast");
        }
        room.broadcast = new Broadcast(title.strip(), BROADCAST_LINK_BASE + room.linkKey(), ctx.now());
        return room.broadcast;
    }

    /** Stops the broadcast (F-CALL-06). */
    void stopBroadcast(UserId actor, CallId id) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
        if (room.broadcast == null) {
            throw new ConflictException(ErrorCode.RECORDING_STATE_CONFLICT, "call " + room.id().value()
                    + " is not being broadcast");
        }
        room.broadcast = null;
    }

    // ------------------------------------------------------------------------------------------------ attendance

    /** Who was in the call and when (F-EMB-06): organiser or admins. */
    AttendanceReport attendance(UserId actor, CallId id) {
        CallRoom room = visible(actor, id);
        requireAdmin(room, actor);
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
        for (UserId user : invitedUsers(room)) {
            if (!attended.contains(user)) {
                never.add(user);
            }
        }
        entries.sort((a, b) -> a.sessions().get(0).joinedAt().compareTo(b.sessions().get(0).joinedAt()));
        return new AttendanceReport(room.id(), Optional.ofNullable(room.lessonKey()), ctx.now(), entries, never);
    }

    // ------------------------------------------------------------------------------------------------ events

    /** Those invited: the organiser, the chat's members, the invited contacts. */
    private Set<UserId> invitedUsers(CallRoom room) {
        Set<UserId> out = new LinkedHashSet<>();
        out.add(room.organiser());
        if (room.chatPeerId() != 0) {
            out.addAll(ctx.chatMembers(room.chatPeerId()));
        }
        out.addAll(room.invited);
        return out;
    }

    /** Everyone who takes part: the invited, the admins, and everyone who was in the call (not mere knockers). */
    private Set<UserId> audience(CallRoom room) {
        Set<UserId> out = invitedUsers(room);
        out.addAll(room.admins);
        for (UserId user : room.byUser.keySet()) {
            if (wasInCall(room, user)) {
                out.add(user);
            }
        }
        return out;
    }

    /** The registered users in the call now, and the organiser and admins. */
    private Set<UserId> inCall(CallRoom room) {
        Set<UserId> out = admins(room);
        for (ParticipantId pid : room.present.keySet()) {
            UserId user = room.seats.get(pid).user();
            if (user != null) {
                out.add(user);
            }
        }
        return out;
    }

    private static Set<UserId> admins(CallRoom room) {
        Set<UserId> out = new LinkedHashSet<>();
        out.add(room.organiser());
        out.addAll(room.admins);
        return out;
    }

    private void notify(Collection<UserId> users, SferumEvent event) {
        for (UserId user : users) {
            ctx.emit(user, event);
        }
    }
}
