package org.sferum.sdk.testkit.fake;

import java.util.List;
import java.util.function.Supplier;
import org.sferum.sdk.calls.Broadcast;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallRecordings;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/** The fake's recordings and broadcasts, over the engine. */
final class FakeCallRecordings implements CallRecordings {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeCallRecordings(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public Recording start(CallId call, RecordingRequest request) {
        Checks.notNull(call, "call");
        Checks.notNull(request, "recording request");
        return engine.calls().startRecording(actor.get(), call, request);
    }

    @Override
    public Recording stop(CallId call) {
        Checks.notNull(call, "call");
        return engine.calls().stopRecording(actor.get(), call);
    }

    @Override
    public List<Recording> list(CallId call) {
        Checks.notNull(call, "call");
        return engine.calls().recordings(actor.get(), call);
    }

    @Override
    public Recording get(RecordingId recording) {
        Checks.notNull(recording, "recording");
        return engine.calls().recording(actor.get(), recording);
    }

    @Override
    public List<Recording> forLesson(String lessonKey) {
        Checks.notNull(lessonKey, "lesson key");
        return engine.calls().lessonRecordings(actor.get(), lessonKey);
    }

    @Override
    public Broadcast startBroadcast(CallId call, String title) {
        Checks.notNull(call, "call");
        Checks.notNull(title, "title");
        return engine.calls().startBroadcast(actor.get(), call, title);
    }

    @Override
    public void stopBroadcast(CallId call) {
        Checks.notNull(call, "call");
        engine.calls().stopBroadcast(actor.get(), call);
    }
}
