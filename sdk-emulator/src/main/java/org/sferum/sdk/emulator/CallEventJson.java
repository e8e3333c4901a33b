package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.events.SferumEvent;

/**
 * Encodes the engine's call events as long poll updates, as {@code docs/wire/events.md} says [choice: VK publishes
 * no call events of this kind]: {@code [900, {"event": "<snake_case name>", "call_id": …, …}]}. Chat events
 * are VK's own updates ({@link ChatEventJson}); they encode to nothing here.
 */
final class CallEventJson {
    /** [choice] The update code of a Sferum call event; VK's user long poll documents no code 900. */
    static final int CALL_EVENT = 900;

    private CallEventJson() {
    }

    /**
     * Encodes one event as an update.
     *
     * @param event the event as the engine sent it to one user
     * @return the update, or empty for an event that is not a call event
     */
    static Optional<ArrayNode> update(SferumEvent event) {
        if (!(event instanceof SferumEvent.CallEvent call)) {
            return Optional.empty();
        }
        ObjectNode body = JsonNodes.object();
        body.put("call_id", call.call().value());
        if (call instanceof SferumEvent.CallStarted started) {
            body.put("event", "call_started");
            body.put("type", started.kind().name().toLowerCase(Locale.ROOT));
            body.put("title", started.title());
        } else if (call instanceof SferumEvent.ParticipantJoined joined) {
            body.put("event", "participant_joined");
            body.put("participant_id", joined.participant().value());
            body.put("name", joined.name());
        } else if (call instanceof SferumEvent.ParticipantLeft left) {
            body.put("event", "participant_left");
            body.put("participant_id", left.participant().value());
            body.put("removed", left.removed());
        } else if (call instanceof SferumEvent.ParticipantWaiting waiting) {
            body.put("event", "participant_waiting");
            body.put("participant_id", waiting.participant().value());
            body.put("name", waiting.name());
        } else if (call instanceof SferumEvent.HandRaised hand) {
            body.put("event", "hand_raised");
            body.put("participant_id", hand.participant().value());
            body.put("raised", hand.raised());
        } else if (call instanceof SferumEvent.AttentionRequested attention) {
            body.put("event", "attention_requested");
            body.put("participant_id", attention.participant().value());
        } else if (call instanceof SferumEvent.RecordingReady ready) {
            body.put("event", "recording_ready");
            body.set("recording", CallJson.recording(ready.recording()));
        } else if (call instanceof SferumEvent.CallEnded) {
            body.put("event", "call_ended");
        } else {
            return Optional.empty();
        }
        ArrayNode update = JsonNodes.array();
        update.add(CALL_EVENT);
        update.add(body);
        return Optional.of(update);
    }
}
