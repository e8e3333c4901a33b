package org.sferum.sdk.testkit.engine;

import java.util.List;
import java.util.Objects;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.testkit.calls.GuestStatus;

/**
 * What Sferum's call page ({@code /call/join/KEY} of the emulator) shows anyone who holds a call's browser join
 * link: its title, its state and whether anonymous people may join it. It is a read of the engine's state; every
 * rule stays in {@link CallRules}.
 *
 * @param linkKey the key at the end of the join link
 * @param title the call's title
 * @param state the call's state now
 * @param settings whether anonymous participants and the waiting room are on
 */
public record CallPageView(String linkKey, String title, CallState state, CallSettings settings) {
    /**
     * Validates the fields.
     *
     * @param linkKey the key at the end of the join link
     * @param title the call's title
     * @param state the call's state now
     * @param settings the call's settings
     */
    public CallPageView {
        Objects.requireNonNull(linkKey, "linkKey");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * What the call page shows an anonymous guest who has a seat in the call (their cookie).
     *
     * @param call the call
     * @param participant the guest's participant id
     * @param name the name the guest gave
     * @param status where the guest stands
     * @param participants who is in the call now, in order of joining; empty unless the guest is in the call
     */
    public record Guest(CallPageView call, ParticipantId participant, String name, GuestStatus status,
                        List<Participant> participants) {
        /**
         * Validates the fields and copies the list.
         *
         * @param call the call
         * @param participant the guest's participant id
         * @param name the name the guest gave
         * @param status where the guest stands
         * @param participants who is in the call now
         */
        public Guest {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            participants = List.copyOf(participants);
        }
    }
}
