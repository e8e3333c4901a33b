package org.sferum.sdk.testkit.calls;

import java.util.Objects;
import org.sferum.sdk.calls.ParticipantId;

/**
 * An anonymous guest's seat in a call: what the call page keeps in the guest's browser.
 *
 * @param participant the guest's participant id, as the organiser sees it
 * @param name the name the guest gave
 * @param secret what identifies the guest to the call page (a cookie); never logged
 */
public record GuestTicket(ParticipantId participant, String name, String secret) {
    /**
     * Validates the fields.
     *
     * @param participant the guest's participant id
     * @param name the name the guest gave
     * @param secret what identifies the guest to the call page
     */
    public GuestTicket {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "GuestTicket[participant=" + participant.value() + ", name=" + name + "]";
    }
}
