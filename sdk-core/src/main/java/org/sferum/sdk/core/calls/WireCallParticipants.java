package org.sferum.sdk.core.calls;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallParticipants;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * {@link CallParticipants} over the partner methods of {@code docs/wire/calls.md}: {@code calls.getParticipants},
 * {@code calls.getWaitingRoom}, {@code calls.admit}, {@code calls.reject}, {@code calls.removeParticipant},
 * {@code calls.muteParticipant}, {@code calls.attractAttention}, {@code calls.setAdmin}, {@code calls.raiseHand}
 * and {@code calls.setMedia}. Reads, admitting, muting, appointing, the hand and the media set a state, so they are
 * retried on transport failures; rejecting, removing (refused the second time) and attracting attention (heard
 * again) are not.
 */
final class WireCallParticipants implements CallParticipants {
    private final VkApi api;
    private final TokenSource token;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     */
    WireCallParticipants(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public List<Participant> list(CallId call) {
        Checks.notNull(call, "call");
        CallDecoder answer = send(VkRequest.idempotent("calls.getParticipants").param("call_id", call.value()));
        return List.copyOf(answer.items(answer::participant));
    }

    @Override
    public List<WaitingParticipant> waitingRoom(CallId call) {
        Checks.notNull(call, "call");
        CallDecoder answer = send(VkRequest.idempotent("calls.getWaitingRoom").param("call_id", call.value()));
        return List.copyOf(answer.items(answer::waiting));
    }

    @Override
    public void admit(CallId call, ParticipantId participant) {
        send(on(VkRequest.idempotent("calls.admit"), call, participant));
    }

    @Override
    public void reject(CallId call, ParticipantId participant) {
        send(on(VkRequest.once("calls.reject"), call, participant));
    }

    @Override
    public void remove(CallId call, ParticipantId participant) {
        send(on(VkRequest.once("calls.removeParticipant"), call, participant));
    }

    @Override
    public void mute(CallId call, ParticipantId participant) {
        send(on(VkRequest.idempotent("calls.muteParticipant"), call, participant));
    }

    @Override
    public void attractAttention(CallId call, ParticipantId participant) {
        send(on(VkRequest.once("calls.attractAttention"), call, participant));
    }

    @Override
    public void setAdmin(CallId call, ParticipantId participant, boolean admin) {
        send(on(VkRequest.idempotent("calls.setAdmin"), call, participant).param("admin", admin));
    }

    @Override
    public void raiseHand(CallId call, boolean raised) {
        Checks.notNull(call, "call");
        send(VkRequest.idempotent("calls.raiseHand").param("call_id", call.value()).param("raised", raised));
    }

    @Override
    public void setMedia(CallId call, Media media, boolean on) {
        Checks.notNull(call, "call");
        Checks.notNull(media, "media");
        send(VkRequest.idempotent("calls.setMedia").param("call_id", call.value())
                .param("media", media.name().toLowerCase(Locale.ROOT)).param("on", on));
    }

    private static VkRequest on(VkRequest request, CallId call, ParticipantId participant) {
        Checks.notNull(call, "call");
        Checks.notNull(participant, "participant");
        return request.param("call_id", call.value()).param("participant_id", participant.value());
    }

    private CallDecoder send(VkRequest request) {
        return new CallDecoder(WireCalls.send(api, token, request, ErrorCode.CALL_NOT_FOUND));
    }
}
