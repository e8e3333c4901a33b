package org.sferum.sdk.calls;

import java.util.Objects;

/**
 * The result of joining a call (F-CALL-03): where the user is now, with which rights, and where the media opens.
 *
 * @param call the call as the user sees it now
 * @param participant the user's participant id in the call
 * @param status in the call, or in the waiting room
 * @param role the user's rights in the call
 */
public record CallJoin(Call call, ParticipantId participant, JoinStatus status, CallRole role) {
    /**
     * Validates the fields.
     *
     * @param call the call
     * @param participant the participant id
     * @param status in the call or waiting
     * @param role the rights
     */
    public CallJoin {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(role, "role");
    }
}
