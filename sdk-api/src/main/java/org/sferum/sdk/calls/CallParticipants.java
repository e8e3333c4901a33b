package org.sferum.sdk.calls;

import java.util.List;

/**
 * Who is in a call and what they do (F-CALL-05), the waiting room (F-CALL-07), and the organiser's actions on a
 * participant (F-CALL-09). The organiser and the admins they appoint act on others; everyone acts on themselves.
 * Acting in a call one is not in is refused with {@code NOT_IN_CALL}, and while waiting with
 * {@code WAITING_FOR_ADMISSION}.
 */
public interface CallParticipants {

    /**
     * Lists the participants in the call now, in order of joining (F-CALL-05). Any participant may.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @return the participants
     */
    List<Participant> list(CallId call);

    /**
     * Lists the waiting room, oldest first (F-CALL-07). Organiser or call admins only.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALLS_BY_LINK}.
     *
     * @param call the call
     * @return those waiting
     */
    List<WaitingParticipant> waitingRoom(CallId call);

    /**
     * Admits someone from the waiting room, or lets a removed participant come back (F-CALL-07, F-CALL-09).
     * Organiser or call admins only.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALLS_BY_LINK}.
     *
     * @param call the call
     * @param participant who to admit
     */
    void admit(CallId call, ParticipantId participant);

    /**
     * Turns someone away from the waiting room (F-CALL-07). Organiser or call admins only. They may knock again.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALLS_BY_LINK}.
     *
     * @param call the call
     * @param participant who to turn away
     */
    void reject(CallId call, ParticipantId participant);

    /**
     * Removes a participant from the call (F-CALL-09); they cannot come back through the same link unless
     * {@link #admit readmitted}. Organiser or call admins only; nobody removes the organiser.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @param participant who to remove
     */
    void remove(CallId call, ParticipantId participant);

    /**
     * Turns a participant's microphone off (F-CALL-09). Organiser or call admins only; the participant may turn it
     * on again.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @param participant whose microphone
     */
    void mute(CallId call, ParticipantId participant);

    /**
     * Asks a participant for their attention (F-CALL-09): they are marked until they next act. Organiser or call
     * admins only.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @param participant whose attention
     */
    void attractAttention(CallId call, ParticipantId participant);

    /**
     * Appoints a registered participant an admin of the call, or dismisses them (F-CALL-09). Organiser only.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @param participant who
     * @param admin {@code true} to appoint, {@code false} to dismiss
     */
    void setAdmin(CallId call, ParticipantId participant, boolean admin);

    /**
     * Raises or lowers the user's own hand (F-CALL-05).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @param raised {@code true} to raise, {@code false} to lower
     */
    void raiseHand(CallId call, boolean raised);

    /**
     * Turns the user's own camera, microphone or screen sharing on or off (F-CALL-05); screen sharing needs a
     * video call.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @param media which
     * @param on {@code true} to turn it on
     */
    void setMedia(CallId call, Media media, boolean on);
}
