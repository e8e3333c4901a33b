package org.sferum.sdk.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.RecordingAudience;
import org.sferum.sdk.calls.RecordingAuthor;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.users.UserId;

/**
 * Reads the long poll updates of {@code docs/wire/events.md}: {@code [900, {"event": …, "call_id": …, …}]} becomes a
 * {@link SferumEvent.CallEvent}. Any other update code, an unknown {@code event}, or an update that does not hold
 * together is skipped (empty), so that a newer server never stops an older client.
 */
final class CallEventDecoder {
    /** [choice] The update code of a Sferum call event. */
    static final int CALL_EVENT = 900;

    private CallEventDecoder() {
    }

    /**
     * Decodes one update.
     *
     * @param update one element of {@code updates}
     * @return the call event, or empty when the update is not one this client knows
     */
    static Optional<SferumEvent> decode(JsonNode update) {
        if (update == null || !update.isArray() || update.size() < 2 || !update.get(0).canConvertToInt()
                || update.get(0).asInt() != CALL_EVENT || !update.get(1).isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(call(update.get(1)));
        } catch (RuntimeException malformed) {
            // a field missing or out of range: the update is skipped, the subscription goes on
            return Optional.empty();
        }
    }

    private static SferumEvent call(JsonNode body) {
        CallId call = new CallId(text(body, "call_id"));
        return switch (body.path("event").asText("")) {
            case "call_started" -> new SferumEvent.CallStarted(call,
                    CallKind.valueOf(text(body, "type").toUpperCase(Locale.ROOT)), text(body, "title"));
            case "participant_joined" -> new SferumEvent.ParticipantJoined(call, participant(body),
                    text(body, "name"));
            case "participant_left" -> new SferumEvent.ParticipantLeft(call, participant(body),
                    body.path("removed").asBoolean(false));
            case "participant_waiting" -> new SferumEvent.ParticipantWaiting(call, participant(body),
                    text(body, "name"));
            case "hand_raised" -> new SferumEvent.HandRaised(call, participant(body),
                    body.path("raised").asBoolean(false));
            case "attention_requested" -> new SferumEvent.AttentionRequested(call, participant(body));
            case "recording_ready" -> new SferumEvent.RecordingReady(call, recording(body.path("recording")));
            case "call_ended" -> new SferumEvent.CallEnded(call);
            default -> null;
        };
    }

    private static ParticipantId participant(JsonNode body) {
        return new ParticipantId(text(body, "participant_id"));
    }

    /** The recording object, the same as the calls methods' ({@code docs/wire/calls.md}). */
    static Recording recording(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("recording is not an object");
        }
        return new Recording(new RecordingId(text(json, "recording_id")), new CallId(text(json, "call_id")),
                text(json, "title"), UserId.of(number(json, "recorded_by")),
                RecordingAuthor.valueOf(text(json, "author").toUpperCase(Locale.ROOT)),
                RecordingAudience.valueOf(text(json, "audience").toUpperCase(Locale.ROOT)),
                Instant.ofEpochSecond(number(json, "started_at")),
                json.has("stopped_at") ? Optional.of(Instant.ofEpochSecond(number(json, "stopped_at")))
                        : Optional.empty(),
                optionalText(json, "lesson_key"), optionalText(json, "link"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static long number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        return value.asLong();
    }
}
