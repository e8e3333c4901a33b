package org.sferum.sdk.calls;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.users.UserId;

/**
 * Someone in a call's waiting room, waiting for the organiser to admit or reject them (F-CALL-07).
 *
 * @param id the participant id they will have in the call
 * @param user the user, or empty for an anonymous guest
 * @param name the name shown
 * @param since when they started waiting
 */
public record WaitingParticipant(ParticipantId id, Optional<UserId> user, String name, Instant since) {
    /**
     * Validates the fields.
     *
     * @param id the participant id
     * @param user the user, or empty for an anonymous guest
     * @param name the name shown
     * @param since when they started waiting
     */
    public WaitingParticipant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(since, "since");
    }
}
