package org.sferum.sdk.core.contract;

import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.contract.CallEventsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.testkit.engine.PlatformEngine;

/**
 * The call events contract against sdk-core: the events travel over the emulator's user long poll
 * ({@code docs/wire/events.md}).
 *
 * <p>Stopgap until the calls wire is merged (branch calls-wire): sdk-core's {@code Calls} cannot yet start, join,
 * record or leave calls, so this runner acts on the emulator's engine directly ({@link #callActions()}); only the
 * events are under test here. Delete the override once {@code WireCalls} does all of it.
 */
class CoreOnEmulatorCallEventsContractTest extends CallEventsContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }

    @Override
    protected CallActions callActions() {
        PlatformEngine engine = ((CoreOnEmulator) fixture).emulator().engine();
        return new CallActions() {
            @Override
            public CallId startInChat(SeededUser who, ChatId chat) {
                return engine.startCallInChat(who.id(), chat, true).id();
            }

            @Override
            public ParticipantId join(SeededUser who, CallId call) {
                return engine.joinCall(who.id(), call).participant();
            }

            @Override
            public void raiseHand(SeededUser who, CallId call, boolean raised) {
                engine.raiseHand(who.id(), call, raised);
            }

            @Override
            public void leave(SeededUser who, CallId call) {
                engine.leaveCall(who.id(), call);
            }

            @Override
            public void startRecording(SeededUser who, CallId call, RecordingRequest request) {
                engine.startRecording(who.id(), call, request);
            }

            @Override
            public void stopRecording(SeededUser who, CallId call) {
                engine.stopRecording(who.id(), call);
            }

            @Override
            public void endForAll(SeededUser who, CallId call) {
                engine.endCallForAll(who.id(), call);
            }

            @Override
            public void attractAttention(SeededUser who, CallId call, ParticipantId participant) {
                engine.actOnParticipant(who.id(), call, participant,
                        PlatformEngine.ParticipantAction.ATTRACT_ATTENTION);
            }

            @Override
            public Call startByLink(SeededUser who, String title, CallSettings settings) {
                return engine.startCallByLink(who.id(), title, settings);
            }

            @Override
            public CallJoin joinByLink(SeededUser who, String link) {
                return engine.joinCallByLink(who.id(), link);
            }
        };
    }
}
