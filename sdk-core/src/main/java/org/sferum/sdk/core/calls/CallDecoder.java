package org.sferum.sdk.core.calls;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
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
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.RecordingAudience;
import org.sferum.sdk.calls.RecordingAuthor;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.calls.ShortCredentials;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.users.UserId;

/**
 * Reads the partner objects of {@code docs/wire/calls.md} defensively: whatever the contract promises and is missing
 * or of the wrong kind is {@code MALFORMED_RESPONSE}; optional fields may be absent; booleans may arrive as
 * {@code true}/{@code false} or {@code 1}/{@code 0} and are {@code false} when absent. Never puts a value of the
 * answer (a password, a link) into an exception message: only field names.
 */
final class CallDecoder {
    private final VkResult result;

    /**
     * Creates a decoder for one answer.
     *
     * @param result the answer
     */
    CallDecoder(VkResult result) {
        this.result = result;
    }

    /** The answer itself. */
    VkResult result() {
        return result;
    }

    /** The whole answer. */
    JsonNode response() {
        return result.response();
    }

    /** The answer's {@code items} of a {@code {count, items}} list, each decoded. */
    <T> List<T> items(java.util.function.Function<JsonNode, T> decode) {
        JsonNode items = result.response().get("items");
        if (items == null || !items.isArray()) {
            throw malformed("has no items list");
        }
        List<T> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            out.add(decode.apply(item));
        }
        return out;
    }

    /** The call object. */
    Call call(JsonNode json) {
        object(json, "call");
        CallId id = wrap("call_id", () -> new CallId(text(json, "call_id")));
        CallKind kind = choice(json, "type", CallKind.class);
        String title = Json.text(json, "title", null);
        if (title == null) {
            throw malformed("has a call without title");
        }
        UserId organiser = user(json, "organiser_id");
        CallState state = choice(json, "state", CallState.class);
        Instant startsAt = time(json, "start_time");
        Optional<Instant> endedAt = optionalTime(json, "ended_at");
        Optional<ChatId> chat = optionalChat(json, "peer_id");
        Optional<ChatId> callChat = optionalChat(json, "call_chat_peer_id");
        Optional<String> lessonKey = optionalText(json, "lesson_key");
        CallSettings settings = CallSettings.DEFAULT;
        JsonNode given = json.get("settings");
        if (given != null && !given.isNull()) {
            object(given, "call settings");
            settings = new CallSettings(Json.bool(given, "anonymous_allowed"), Json.bool(given, "waiting_room"));
        }
        Optional<CallLinks> links = Optional.empty();
        if (state == CallState.RUNNING) {
            links = Optional.of(links(json));
        }
        Optional<Broadcast> broadcast = Optional.empty();
        JsonNode live = json.get("broadcast");
        if (live != null && !live.isNull()) {
            broadcast = Optional.of(broadcast(live));
        }
        return new Call(id, kind, title, organiser, state, startsAt, endedAt, Json.bool(json, "video"), chat,
                callChat, lessonKey, settings, links, broadcast);
    }

    /** The links of a running call: {@code calls.start}'s fields, and the partner {@code app_join_link}. */
    private CallLinks links(JsonNode json) {
        String browser = text(json, "join_link");
        String ok = text(json, "ok_join_link");
        String app = Json.text(json, "app_join_link", "");
        JsonNode credentials = json.get("short_credentials");
        object(credentials, "short_credentials");
        return new CallLinks(browser, app, ok, new ShortCredentials(text(credentials, "id"),
                text(credentials, "password")));
    }

    /** The broadcast object. */
    Broadcast broadcast(JsonNode json) {
        object(json, "broadcast");
        return new Broadcast(text(json, "title"), text(json, "watch_link"), time(json, "started_at"));
    }

    /** The join object. */
    CallJoin join(JsonNode json) {
        object(json, "join");
        Call call = call(json.get("call"));
        return new CallJoin(call, participantId(json), choice(json, "status", JoinStatus.class),
                choice(json, "role", CallRole.class));
    }

    /** A participant. */
    Participant participant(JsonNode json) {
        object(json, "participant");
        return new Participant(participantId(json), optionalUser(json, "user_id"), name(json),
                choice(json, "role", CallRole.class), Json.bool(json, "camera"), Json.bool(json, "microphone"),
                Json.bool(json, "screen_sharing"), Json.bool(json, "hand_raised"),
                Json.bool(json, "attention_requested"), time(json, "joined_at"));
    }

    /** Someone in the waiting room. */
    WaitingParticipant waiting(JsonNode json) {
        object(json, "waiting participant");
        return new WaitingParticipant(participantId(json), optionalUser(json, "user_id"), name(json),
                time(json, "since"));
    }

    /** A recording. */
    Recording recording(JsonNode json) {
        object(json, "recording");
        RecordingId id = wrap("recording_id", () -> new RecordingId(text(json, "recording_id")));
        CallId call = wrap("call_id", () -> new CallId(text(json, "call_id")));
        return new Recording(id, call, text(json, "title"), user(json, "recorded_by"),
                choice(json, "author", RecordingAuthor.class), choice(json, "audience", RecordingAudience.class),
                time(json, "started_at"), optionalTime(json, "stopped_at"), optionalText(json, "lesson_key"),
                optionalText(json, "link"));
    }

    /** The attendance report. */
    AttendanceReport attendance(JsonNode json) {
        object(json, "attendance report");
        CallId call = wrap("call_id", () -> new CallId(text(json, "call_id")));
        JsonNode items = json.get("items");
        JsonNode never = json.get("never_joined");
        if (items == null || !items.isArray() || never == null || !never.isArray()) {
            throw malformed("has an attendance report without items or never_joined");
        }
        List<AttendanceEntry> entries = new ArrayList<>();
        for (JsonNode item : items) {
            object(item, "attendance entry");
            JsonNode sessions = item.get("sessions");
            if (sessions == null || !sessions.isArray()) {
                throw malformed("has an attendance entry without sessions");
            }
            List<AttendanceSession> list = new ArrayList<>();
            for (JsonNode session : sessions) {
                object(session, "attendance session");
                list.add(new AttendanceSession(time(session, "joined_at"), optionalTime(session, "left_at")));
            }
            entries.add(new AttendanceEntry(participantId(item), optionalUser(item, "user_id"), name(item), list));
        }
        List<UserId> neverJoined = new ArrayList<>();
        for (JsonNode user : never) {
            long id = Json.asLong(user, 0);
            if (id <= 0) {
                throw malformed("has an invalid user id in never_joined");
            }
            neverJoined.add(UserId.of(id));
        }
        return new AttendanceReport(call, optionalText(json, "lesson_key"), time(json, "generated_at"), entries,
                neverJoined);
    }

    // ------------------------------------------------------------------------------------------------ fields

    private ParticipantId participantId(JsonNode json) {
        return wrap("participant_id", () -> new ParticipantId(text(json, "participant_id")));
    }

    private String name(JsonNode json) {
        String name = Json.text(json, "name", null);
        if (name == null) {
            throw malformed("has a participant without name");
        }
        return name;
    }

    private void object(JsonNode json, String what) {
        if (json == null || !json.isObject()) {
            throw malformed("has no " + what + " object");
        }
    }

    /** A required non-empty string. */
    private String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw malformed("has no valid " + field);
        }
        return value.textValue();
    }

    private Optional<String> optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw malformed("has an invalid " + field);
        }
        return Optional.of(value.textValue());
    }

    private Instant time(JsonNode json, String field) {
        long seconds = Json.asLong(json.get(field), -1);
        if (seconds < 0) {
            throw malformed("has no valid " + field);
        }
        return Instant.ofEpochSecond(seconds);
    }

    private Optional<Instant> optionalTime(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(time(json, field));
    }

    private UserId user(JsonNode json, String field) {
        long id = Json.asLong(json.get(field), 0);
        if (id <= 0) {
            throw malformed("has no valid " + field);
        }
        return UserId.of(id);
    }

    private Optional<UserId> optionalUser(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(user(json, field));
    }

    private Optional<ChatId> optionalChat(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        long peer = Json.asLong(value, 0);
        return Optional.of(wrap(field, () -> ChatId.of(peer)));
    }

    private <E extends Enum<E>> E choice(JsonNode json, String field, Class<E> type) {
        String text = Json.text(json, field, "");
        for (E value : type.getEnumConstants()) {
            if (value.name().toLowerCase(Locale.ROOT).equals(text)) {
                return value;
            }
        }
        throw malformed("has no valid " + field);
    }

    /** Builds a value whose own checks may refuse what the service sent: that is a malformed answer. */
    private <T> T wrap(String field, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (SferumException | IllegalArgumentException e) {
            throw malformed("has an invalid " + field);
        }
    }

    private ServiceException malformed(String what) {
        return result.malformed(what);
    }
}
