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
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.CallLinks;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.JoinStatus;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.ShortCredentials;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.events.SferumEvent;
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
    static final Duration SHORT_LOCK = Duration.ofMinutes(15);
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
    final Map<CallId, CallRoom> rooms = new LinkedHashMap<>();
    final Map<String, CallId> byLesson = new HashMap<>();
    final Map<String, CallId> byLinkKey = new HashMap<>();
    final Map<Long, CallId> runningInChat = new HashMap<>();
    volatile String linkBase = CallService.CALL_LINK_BASE;
    long nextCall = 1;
    /** Recordings, broadcasts and attendance of the calls. */
    private final CallRecordings recordings;
    /** Guests and the call page. */
    private final CallGuestSeats guests;
    /** The participants' list, the waiting room and what is done to participants. */
    private final CallModeration moderation;

    CallRules(Context ctx) {
        this.ctx = ctx;
        this.recordings = new CallRecordings(ctx, this);
        this.guests = new CallGuestSeats(ctx, this);
        this.moderation = new CallModeration(ctx, this);
    }

    /** Guests and the call page (F-CALL-07, F-CALL-10). */
    CallGuestSeats guests() {
        return guests;
    }

    /** The participants' list, the waiting room and what is done to participants (F-CALL-05, F-CALL-07, F-CALL-09). */
    CallModeration moderation() {
        return moderation;
    }

    /** Recordings, broadcasts and attendance (F-CALL-06, F-CALL-10, F-CALL-11, F-EMB-06, F-EMB-07). */
    CallRecordings recordings() {
        return recordings;
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

    CallRoom add(CallKind kind, String title, UserId organiser, long chatPeerId, String lessonKey,
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

    static void requireTitle(String title, String what) {
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
    void observe(CallRoom room) {
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
                        Duration.between(now, room.shortLockedUntil), null, null, null);
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

    static PermissionDeniedException notInvited(CallRoom room, UserId actor) {
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
                || CallPresence.wasInCall(room, user)
                || (room.chatPeerId() != 0 && ctx.isChatMember(room.chatPeerId(), user));
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

    CallJoin come(CallRoom room, UserId actor) {
        boolean invited = takesPart(room, actor) && !onlyKnocked(room, actor);
        if (!invited && room.kind() != CallKind.LINK) {
            throw notInvited(room, actor);
        }
        requireRunning(room);
        if (invited || !room.settings().waitingRoom()) {
            return enter(room, actor);
        }
        ParticipantId pid = seat(room, actor, null, ctx.name(actor));
        CallPresence.requireNotRemoved(room, pid);
        knock(room, pid);
        return new CallJoin(view(room, actor), pid, JoinStatus.WAITING, CallPresence.role(room, pid));
    }

    /** Whether the user's only tie to the call is a seat they got by knocking, still waiting or turned away. */
    boolean onlyKnocked(CallRoom room, UserId user) {
        boolean otherTie = room.organiser().equals(user) || room.admins.contains(user) || room.invited.contains(user)
                || (room.chatPeerId() != 0 && ctx.isChatMember(room.chatPeerId(), user));
        return !otherTie && room.byUser.containsKey(user);
    }

    void requireRunning(CallRoom room) {
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

    /** Puts a registered user in the call (they are invited, or no waiting room applies). */
    CallJoin enter(CallRoom room, UserId actor) {
        UserId user = actor;
        ParticipantId known = room.byUser.get(user);
        if (known != null) {
            CallPresence.requireNotRemoved(room, known);
        }
        CallPresence.requireRoomFor(room, known);
        ParticipantId pid = seat(room, user, null, ctx.name(user));
        CallPresence.requireNotRemoved(room, pid);
        room.waiting.remove(pid);
        if (!room.present.containsKey(pid)) {
            arrive(room, pid);
        }
        if (!room.invited.contains(user) && room.kind() == CallKind.LINK) {
            room.invited.add(user);
        }
        return new CallJoin(view(room, actor), pid, JoinStatus.IN_CALL, CallPresence.role(room, pid));
    }

    /** Gives a user or a guest a participant id in the call, once. */
    ParticipantId seat(CallRoom room, UserId user, String secret, String name) {
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

    void arrive(CallRoom room, ParticipantId pid) {
        CallPresence.requireRoomFor(room, null);
        Instant now = ctx.now();
        room.present.put(pid, new CallRoom.Presence(now));
        CallRoom.Seat seat = room.seats.get(pid);
        seat.stays().add(new CallRoom.Stay(now));
        if (seat.user() != null && room.callChatPeerId != 0) {
            ctx.addToCallChat(room.callChatPeerId, seat.user());
        }
        notify(CallPresence.inCall(room), new SferumEvent.ParticipantJoined(room.id(), pid, seat.name()));
    }

    void knock(CallRoom room, ParticipantId pid) {
        if (!room.waiting.containsKey(pid)) {
            room.waiting.put(pid, ctx.now());
            notify(CallPresence.admins(room), new SferumEvent.ParticipantWaiting(room.id(), pid, room.seats.get(pid).name()));
        }
    }

    /** Takes a participant out of the call (left, removed, or the call ended), closing their stay. */
    void depart(CallRoom room, ParticipantId pid, boolean removed) {
        if (room.present.remove(pid) == null) {
            return;
        }
        Instant now = ctx.now();
        List<CallRoom.Stay> stays = room.seats.get(pid).stays();
        stays.get(stays.size() - 1).leftAt = now;
        Set<UserId> told = CallPresence.inCall(room);
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
        CallPresence.requireAdmin(room, actor);
        if (room.endedAt != null) {
            return;
        }
        for (RecordingState recording : CallRecordings.running(room)) {
            recordings.finish(room, recording);
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
        CallPresence.requireInCall(room, actor);
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

    // ------------------------------------------------------------------------------------------------ events

    /** Those invited: the organiser, the chat's members, the invited contacts. */
    Set<UserId> invitedUsers(CallRoom room) {
        Set<UserId> out = new LinkedHashSet<>();
        out.add(room.organiser());
        if (room.chatPeerId() != 0) {
            out.addAll(ctx.chatMembers(room.chatPeerId()));
        }
        out.addAll(room.invited);
        return out;
    }

    /** Everyone who takes part: the invited, the admins, and everyone who was in the call (not mere knockers). */
    Set<UserId> audience(CallRoom room) {
        Set<UserId> out = invitedUsers(room);
        out.addAll(room.admins);
        for (UserId user : room.byUser.keySet()) {
            if (CallPresence.wasInCall(room, user)) {
                out.add(user);
            }
        }
        return out;
    }

    void notify(Collection<UserId> users, SferumEvent event) {
        for (UserId user : users) {
            ctx.emit(user, event);
        }
    }}
