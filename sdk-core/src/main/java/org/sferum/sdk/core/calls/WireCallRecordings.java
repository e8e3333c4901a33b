package org.sferum.sdk.core.calls;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sferum.sdk.calls.Broadcast;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallRecordings;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * {@link CallRecordings} over the partner methods of {@code docs/wire/calls.md}: {@code calls.startRecording},
 * {@code calls.stopRecording}, {@code calls.getRecordings}, {@code calls.getRecordingById},
 * {@code calls.getLessonRecordings}, {@code calls.startBroadcast} and {@code calls.stopBroadcast}. Reads are retried
 * on transport failures; starting and stopping a recording or a broadcast are not (the second time they are
 * refused with {@code RECORDING_STATE_CONFLICT}).
 */
final class WireCallRecordings implements CallRecordings {
    private final VkApi api;
    private final TokenSource token;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     */
    WireCallRecordings(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public Recording start(CallId call, RecordingRequest request) {
        Checks.notNull(call, "call");
        Checks.notNull(request, "recording request");
        CallDecoder answer = send(VkRequest.once("calls.startRecording").param("call_id", call.value())
                .param("title", request.title())
                .param("author", request.author().name().toLowerCase(Locale.ROOT))
                .param("audience", request.audience().name().toLowerCase(Locale.ROOT)), ErrorCode.CALL_NOT_FOUND);
        return answer.recording(answer.response());
    }

    @Override
    public Recording stop(CallId call) {
        Checks.notNull(call, "call");
        CallDecoder answer = send(VkRequest.once("calls.stopRecording").param("call_id", call.value()),
                ErrorCode.CALL_NOT_FOUND);
        return answer.recording(answer.response());
    }

    @Override
    public List<Recording> list(CallId call) {
        Checks.notNull(call, "call");
        CallDecoder answer = send(VkRequest.idempotent("calls.getRecordings").param("call_id", call.value()),
                ErrorCode.CALL_NOT_FOUND);
        return List.copyOf(answer.items(answer::recording));
    }

    @Override
    public Recording get(RecordingId recording) {
        Checks.notNull(recording, "recording");
        CallDecoder answer = send(VkRequest.idempotent("calls.getRecordingById")
                .param("recording_id", recording.value()), ErrorCode.RECORDING_NOT_FOUND);
        return answer.recording(answer.response());
    }

    @Override
    public List<Recording> forLesson(String lessonKey) {
        Checks.notNull(lessonKey, "lesson key");
        CallDecoder answer = send(VkRequest.idempotent("calls.getLessonRecordings").param("lesson_key", lessonKey),
                ErrorCode.CALL_NOT_FOUND);
        return List.copyOf(answer.items(answer::recording));
    }

    @Override
    public Broadcast startBroadcast(CallId call, String title) {
        Checks.notNull(call, "call");
        Checks.notNull(title, "title");
        CallDecoder answer = send(VkRequest.once("calls.startBroadcast").param("call_id", call.value())
                .param("title", title), ErrorCode.CALL_NOT_FOUND);
        return answer.broadcast(answer.response());
    }

    @Override
    public void stopBroadcast(CallId call) {
        Checks.notNull(call, "call");
        send(VkRequest.once("calls.stopBroadcast").param("call_id", call.value()), ErrorCode.CALL_NOT_FOUND);
    }

    private CallDecoder send(VkRequest request, ErrorCode notFound) {
        return new CallDecoder(WireCalls.send(api, token, request, notFound));
    }
}
