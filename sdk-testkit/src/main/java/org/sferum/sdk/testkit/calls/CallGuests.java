package org.sferum.sdk.testkit.calls;

import org.sferum.sdk.calls.RecordingId;

/**
 * Anonymous (unregistered) people joining calls by link (F-CALL-07), as Sferum's call page lets them: the fake
 * drives the engine directly, the emulator's driver goes through its HTML call page. Refusals are
 * {@link org.sferum.sdk.error.SferumException}s with the platform's code ({@code ANONYMOUS_NOT_ALLOWED},
 * {@code CALL_NOT_STARTED}, {@code CALL_ENDED}, {@code REMOVED_FROM_CALL}, {@code CALL_NOT_FOUND}, ...).
 */
public interface CallGuests {

    /**
     * Joins a call by its browser link as an anonymous guest.
     *
     * @param joinLink the call's browser join link
     * @param name the name to show, 1 to 64 characters
     * @return the guest's seat: in the call, or waiting when the waiting room is on
     */
    GuestTicket join(String joinLink, String name);

    /**
     * Comes back with the same seat (the same browser): refused with {@code REMOVED_FROM_CALL} after a removal
     * unless the organiser readmitted the guest.
     *
     * @param guest the seat
     * @return where the guest stands now
     */
    GuestStatus rejoin(GuestTicket guest);

    /**
     * Tells where the guest stands now.
     *
     * @param guest the seat
     * @return the status
     */
    GuestStatus status(GuestTicket guest);

    /**
     * Leaves the call.
     *
     * @param guest the seat
     */
    void leave(GuestTicket guest);

    /**
     * Asks for a recording's link: always refused for a guest, with {@code EDUCATIONAL_PROFILE_REQUIRED}
     * ({@code RECORDING_NOT_FOUND} for an unknown recording).
     *
     * @param guest the seat
     * @param recording the recording
     * @return never returns normally
     */
    String recordingLink(GuestTicket guest, RecordingId recording);
}
