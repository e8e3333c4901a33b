package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sferum.sdk.calls.Broadcast;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.RecordingAudience;
import org.sferum.sdk.calls.RecordingAuthor;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.users.UserId;

/**
 * A call as the engine keeps it: how it came to be, who is invited, who is in it, waiting or removed, every stay
 * (for attendance), its recordings and broadcast. Its public accessors are what the emulator needs to answer the
 * wire (the short credentials, the links); every rule lives in {@link CallRules}. Guarded by the engine's lock.
 */
public final class CallRoom {
    private final CallId id;
    private final CallKind kind;
    private final String title;
    private final UserId organiser;
    private final long chatPeerId;
    private final String lessonKey;
    private final boolean video;
    private final Instant startsAt;
    private final CallSettings settings;
    private final String linkKey;
    private final String shortId;
    private final String password;

    /** When it was ended for everyone; {@code null} while not ended. */
    Instant endedAt;
    /** Whether the start was observed: the call chat created and {@code CallStarted} sent. */
    boolean started;
    /** The call's own chat (F-CALL-11); 0 until the call starts. */
    long callChatPeerId;
    /** Admins appointed by the organiser. */
    final Set<UserId> admins = new LinkedHashSet<>();
    /** Contacts invited (F-CALL-08) and link joiners let in: they join by id without waiting. */
    final Set<UserId> invited = new LinkedHashSet<>();
    /** Everyone who ever had a participant id in the call. */
    final Map<ParticipantId, Seat> seats = new LinkedHashMap<>();
    /** The participant id of each registered user. */
    final Map<UserId, ParticipantId> byUser = new HashMap<>();
    /** Guests by their secret. */
    final Map<String, ParticipantId> bySecret = new HashMap<>();
    /** Who is in the call now, in order of joining. */
    final Map<ParticipantId, Presence> present = new LinkedHashMap<>();
    /** Who waits to be admitted, oldest first. */
    final Map<ParticipantId, Instant> waiting = new LinkedHashMap<>();
    /** Who was removed and not readmitted. */
    final Set<ParticipantId> removed = new HashSet<>();
    /** Who was admitted or readmitted by the organiser: they skip the waiting room from then on. */
    final Set<ParticipantId> readmitted = new HashSet<>();
    /** Every recording, oldest first. */
    final List<RecordingState> recordings = new ArrayList<>();
    /** The running broadcast, or {@code null}. */
    Broadcast broadcast;
    /** Wrong passwords for the short id in a row. */
    int shortFailures;
    /** Until when the short id is locked after too many wrong passwords; {@code null} when not locked. */
    Instant shortLockedUntil;
    /** The number of guests so far, for their ids. */
    int guests;

    CallRoom(CallId id, CallKind kind, String title, UserId organiser, long chatPeerId, String lessonKey,
             boolean video, Instant startsAt, CallSettings settings, String linkKey, String shortId,
             String password) {
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        this.title = Objects.requireNonNull(title);
        this.organiser = Objects.requireNonNull(organiser);
        this.chatPeerId = chatPeerId;
        this.lessonKey = lessonKey;
        this.video = video;
        this.startsAt = Objects.requireNonNull(startsAt);
        this.settings = Objects.requireNonNull(settings);
        this.linkKey = Objects.requireNonNull(linkKey);
        this.shortId = Objects.requireNonNull(shortId);
        this.password = Objects.requireNonNull(password);
    }

    /**
     * Returns the call id.
     *
     * @return the call id
     */
    public CallId id() {
        return id;
    }

    /**
     * Returns how the call came to be.
     *
     * @return how the call came to be
     */
    public CallKind kind() {
        return kind;
    }

    /**
     * Returns the title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * Returns the organiser.
     *
     * @return the organiser
     */
    public UserId organiser() {
        return organiser;
    }

    /**
     * Returns the peer id of the chat the call belongs to, or 0 for a call by link.
     *
     * @return the chat's peer id, or 0
     */
    public long chatPeerId() {
        return chatPeerId;
    }

    /**
     * Returns the journal's key of the lesson, or {@code null} when not a lesson call.
     *
     * @return the lesson key, or {@code null}
     */
    public String lessonKey() {
        return lessonKey;
    }

    /**
     * Returns whether it is a video call.
     *
     * @return whether it is a video call
     */
    public boolean video() {
        return video;
    }

    /**
     * Returns when it starts.
     *
     * @return when it starts
     */
    public Instant startsAt() {
        return startsAt;
    }

    /**
     * Returns who gets in by the link.
     *
     * @return the settings
     */
    public CallSettings settings() {
        return settings;
    }

    /**
     * Returns the key that ends every link of the call.
     *
     * @return the link key
     */
    public String linkKey() {
        return linkKey;
    }

    /**
     * Returns the short numeric id for joining without the link.
     *
     * @return the short numeric id
     */
    public String shortId() {
        return shortId;
    }

    /**
     * Returns the password that goes with {@link #shortId()}.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /** Someone who has a participant id in the call: a user, or a guest with their secret. */
    record Seat(ParticipantId id, UserId user, String name, String secret, List<Stay> stays) {
    }

    /** One stay in the call; {@code leftAt} is {@code null} while still in it. */
    static final class Stay {
        final Instant joinedAt;
        Instant leftAt;

        Stay(Instant joinedAt) {
            this.joinedAt = joinedAt;
        }
    }

    /** What a participant in the call is doing now. */
    static final class Presence {
        final Instant joinedAt;
        boolean camera;
        boolean microphone;
        boolean screen;
        boolean hand;
        boolean attention;

        Presence(Instant joinedAt) {
            this.joinedAt = joinedAt;
        }
    }

    /** A recording: running while {@code stoppedAt} is {@code null}. */
    static final class RecordingState {
        final RecordingId id;
        final String title;
        final UserId recordedBy;
        final RecordingAuthor author;
        final RecordingAudience audience;
        final Instant startedAt;
        Instant stoppedAt;

        RecordingState(RecordingId id, String title, UserId recordedBy, RecordingAuthor author,
                       RecordingAudience audience, Instant startedAt) {
            this.id = id;
            this.title = title;
            this.recordedBy = recordedBy;
            this.author = author;
            this.audience = audience;
            this.startedAt = startedAt;
        }
    }
}
