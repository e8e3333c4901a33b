package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.CallService.ParticipantAction;
import org.sferum.sdk.users.UserId;

/**
 * The participants of a call (F-CALL-05, F-CALL-07, F-CALL-09) as the partner methods of
 * {@code docs/wire/calls.md} [choice: VK publishes none]: {@code calls.getParticipants}, {@code calls.getWaitingRoom},
 * {@code calls.admit}, {@code calls.reject}, {@code calls.removeParticipant}, {@code calls.muteParticipant},
 * {@code calls.attractAttention}, {@code calls.setAdmin}, {@code calls.raiseHand} and {@code calls.setMedia}.
 */
final class CallParticipantsMethods {
    private final PlatformEngine engine;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     */
    CallParticipantsMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("calls.getParticipants", (caller, params) ->
                CallJson.items(engine.calls().callParticipants(caller, CallsMethods.callId(params)), CallJson::participant));
        into.put("calls.getWaitingRoom", (caller, params) ->
                CallJson.items(engine.calls().waitingRoom(caller, CallsMethods.callId(params)), CallJson::waiting));
        into.put("calls.admit", (caller, params) -> act(caller, params, ParticipantAction.ADMIT));
        into.put("calls.reject", (caller, params) -> act(caller, params, ParticipantAction.REJECT));
        into.put("calls.removeParticipant", (caller, params) -> act(caller, params, ParticipantAction.REMOVE));
        into.put("calls.muteParticipant", (caller, params) -> act(caller, params, ParticipantAction.MUTE));
        into.put("calls.attractAttention", (caller, params) ->
                act(caller, params, ParticipantAction.ATTRACT_ATTENTION));
        into.put("calls.setAdmin", (caller, params) -> act(caller, params,
                params.flag("admin") ? ParticipantAction.MAKE_ADMIN : ParticipantAction.DISMISS_ADMIN));
        into.put("calls.raiseHand", this::raiseHand);
        into.put("calls.setMedia", this::setMedia);
    }

    /** {@code calls.<action>(call_id, participant_id)}: answers {@code 1}. */
    private JsonNode act(UserId caller, VkParams params, ParticipantAction action) {
        CallId call = CallsMethods.callId(params);
        String text = params.requiredString("participant_id");
        ParticipantId participant = VkParams.value("participant_id", () -> new ParticipantId(text));
        engine.calls().actOnParticipant(caller, call, participant, action);
        return IntNode.valueOf(1);
    }

    /** {@code calls.raiseHand(call_id, raised)}: answers {@code 1}. */
    private JsonNode raiseHand(UserId caller, VkParams params) {
        CallId call = CallsMethods.callId(params);
        engine.calls().raiseHand(caller, call, params.flag("raised"));
        return IntNode.valueOf(1);
    }

    /** {@code calls.setMedia(call_id, media, on)}: answers {@code 1}. */
    private JsonNode setMedia(UserId caller, VkParams params) {
        CallId call = CallsMethods.callId(params);
        Media media = CallsMethods.choice(params, "media", Media.class);
        engine.calls().setMedia(caller, call, media, params.flag("on"));
        return IntNode.valueOf(1);
    }
}
