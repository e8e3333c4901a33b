package org.sferum.sdk.testkit.fake;

import java.util.List;
import java.util.function.Supplier;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallParticipants;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.CallService.ParticipantAction;
import org.sferum.sdk.users.UserId;

/** The fake's participants side of calls, over the engine. */
final class FakeCallParticipants implements CallParticipants {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeCallParticipants(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public List<Participant> list(CallId call) {
        Checks.notNull(call, "call");
        return engine.calls().callParticipants(actor.get(), call);
    }

    @Override
    public List<WaitingParticipant> waitingRoom(CallId call) {
        Checks.notNull(call, "call");
        return engine.calls().waitingRoom(actor.get(), call);
    }

    private void act(CallId call, ParticipantId participant, ParticipantAction action) {
        Checks.notNull(call, "call");
        Checks.notNull(participant, "participant");
        engine.calls().actOnParticipant(actor.get(), call, participant, action);
    }

    @Override
    public void admit(CallId call, ParticipantId participant) {
        act(call, participant, ParticipantAction.ADMIT);
    }

    @Override
    public void reject(CallId call, ParticipantId participant) {
        act(call, participant, ParticipantAction.REJECT);
    }

    @Override
    public void remove(CallId call, ParticipantId participant) {
        act(call, participant, ParticipantAction.REMOVE);
    }

    @Override
    public void mute(CallId call, ParticipantId participant) {
        act(call, participant, ParticipantAction.MUTE);
    }

    @Override
    public void attractAttention(CallId call, ParticipantId participant) {
        act(call, participant, ParticipantAction.ATTRACT_ATTENTION);
    }

    @Override
    public void setAdmin(CallId call, ParticipantId participant, boolean admin) {
        act(call, participant, admin ? ParticipantAction.MAKE_ADMIN : ParticipantAction.DISMISS_ADMIN);
    }

    @Override
    public void raiseHand(CallId call, boolean raised) {
        Checks.notNull(call, "call");
        engine.calls().raiseHand(actor.get(), call, raised);
    }

    @Override
    public void setMedia(CallId call, Media media, boolean on) {
        Checks.notNull(call, "call");
        Checks.notNull(media, "media");
        engine.calls().setMedia(actor.get(), call, media, on);
    }
}
