package org.sferum.sdk.calls;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.users.UserId;

/**
 * Someone in a call, as the participants list shows them (F-CALL-05).
 *
 * @param id the participant id in this call
 * @param user the user, or empty for an anonymous guest
 * @param name the name shown
 * @param role their rights in the call
 * @param camera whether their camera is on
 * @param microphone whether their microphone is on
 * @param screenSharing whether they share their screen
 * @param handRaised whether their hand is raised
 * @param attentionRequested whether the organiser asked for their attention and they have not acted since
 *     (F-CALL-09)
 * @param joinedAt when they joined this time
 */
public record Participant(ParticipantId id, Optional<UserId> user, String name, CallRole role, boolean camera,
                          boolean microphone, boolean screenSharing, boolean handRaised, boolean attentionRequested,
                          Instant joinedAt) {
    /**
     * Validates the fields.
     *
     * @param id the participant id in this call
     * @param user the user, or empty for an anonymous guest
     * @param name the name shown
     * @param role their rights in the call
     * @param camera whether their camera is on
     * @param microphone whether their microphone is on
     * @param screenSharing whether they share their screen
     * @param handRaised whether their hand is raised
     * @param attentionRequested whether the organiser asked for their attention
     * @param joinedAt when they joined this time
     */
    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /**
     * Tells whether this is an anonymous guest (no educational profile).
     *
     * @return whether this is an anonymous guest
     */
    public boolean anonymous() {
        return user.isEmpty();
    }
}
