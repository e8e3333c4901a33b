package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.RecordingAudience;
import org.sferum.sdk.calls.RecordingAuthor;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * Recordings and broadcasts (F-CALL-06, F-CALL-10, F-CALL-11, F-EMB-07) as the partner methods of
 * {@code docs/wire/calls.md} [choice: VK publishes none]: {@code calls.startRecording}, {@code calls.stopRecording},
 * {@code calls.getRecordings}, {@code calls.getRecordingById}, {@code calls.getLessonRecordings},
 * {@code calls.startBroadcast} and {@code calls.stopBroadcast}.
 */
final class CallRecordingsMethods {
    private final PlatformEngine engine;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     */
    CallRecordingsMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("calls.startRecording", this::startRecording);
        into.put("calls.stopRecording", (caller, params) ->
                CallJson.recording(engine.calls().stopRecording(caller, CallsMethods.callId(params))));
        into.put("calls.getRecordings", (caller, params) ->
                CallJson.items(engine.calls().recordings(caller, CallsMethods.callId(params)), CallJson::recording));
        into.put("calls.getRecordingById", this::getRecordingById);
        into.put("calls.getLessonRecordings", (caller, params) ->
                CallJson.items(engine.calls().lessonRecordings(caller, params.requiredString("lesson_key")),
                        CallJson::recording));
        into.put("calls.startBroadcast", this::startBroadcast);
        into.put("calls.stopBroadcast", (caller, params) -> {
            engine.calls().stopBroadcast(caller, CallsMethods.callId(params));
            return IntNode.valueOf(1);
        });
    }

    /**
     * {@code calls.startRecording(call_id, title, author, audience)}: the recording; {@code author} defaults to
     * {@code self} and {@code audience} to {@code participants} [choice: as {@link RecordingRequest#titled}].
     */
    private JsonNode startRecording(UserId caller, VkParams params) {
        CallId call = CallsMethods.callId(params);
        RecordingAuthor author = params.string("author").isPresent()
                ? CallsMethods.choice(params, "author", RecordingAuthor.class) : RecordingAuthor.SELF;
        RecordingAudience audience = params.string("audience").isPresent()
                ? CallsMethods.choice(params, "audience", RecordingAudience.class) : RecordingAudience.PARTICIPANTS;
        String title = params.requiredString("title");
        RecordingRequest request = VkParams.value("title", () -> new RecordingRequest(title, author, audience));
        return CallJson.recording(engine.calls().startRecording(caller, call, request));
    }

    /** {@code calls.getRecordingById(recording_id)}: the recording. */
    private JsonNode getRecordingById(UserId caller, VkParams params) {
        String text = params.requiredString("recording_id");
        RecordingId id = VkParams.value("recording_id", () -> new RecordingId(text));
        return CallJson.recording(engine.calls().recording(caller, id));
    }

    /** {@code calls.startBroadcast(call_id, title)}: the broadcast. */
    private JsonNode startBroadcast(UserId caller, VkParams params) {
        CallId call = CallsMethods.callId(params);
        return CallJson.broadcast(engine.calls().startBroadcast(caller, call, params.requiredString("title")));
    }
}
