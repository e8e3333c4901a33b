package org.sferum.sdk.calls;

import java.util.List;

/**
 * Recordings and broadcasts of calls (F-CALL-06, F-CALL-10, F-EMB-07). The organiser and the call admins record;
 * a stopped recording lands in the call's own chat (F-CALL-11) and, for a lesson call, is linked to the lesson.
 * Only users with an educational profile in a recording's audience ever get its link.
 */
public interface CallRecordings {

    /**
     * Starts recording a running call (F-CALL-10). Organiser or call admins, in the call; one recording at a time
     * ({@code RECORDING_STATE_CONFLICT}).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#RECORDINGS}.
     *
     * @param call the call
     * @param request the title, on whose behalf, and who may watch
     * @return the recording in progress
     */
    Recording start(CallId call, RecordingRequest request);

    /**
     * Stops the call's running recording (F-CALL-10); it is posted in the call's chat with its link.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#RECORDINGS}.
     *
     * @param call the call
     * @return the stopped recording
     */
    Recording stop(CallId call);

    /**
     * Lists a call's recordings, oldest first, as the user sees them: the link only where they may watch.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#RECORDINGS}.
     *
     * @param call the call
     * @return the recordings
     */
    List<Recording> list(CallId call);

    /**
     * Returns a recording with its link to copy (F-CALL-10). Refused with {@code RECORDING_NOT_VISIBLE} for a
     * user outside its audience.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#RECORDINGS}.
     *
     * @param recording the recording
     * @return the recording
     */
    Recording get(RecordingId recording);

    /**
     * Lists the recordings of a journal lesson's call (F-EMB-07), oldest first, as the user sees them.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#RECORDINGS}.
     *
     * @param lessonKey the journal's key of the lesson
     * @return the recordings; empty when the lesson has no call or the user does not take part in it
     */
    List<Recording> forLesson(String lessonKey);

    /**
     * Starts a broadcast of a running lesson call (F-CALL-06). Organiser or call admins only; lesson calls only.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#RECORDINGS}.
     *
     * @param call the lesson call
     * @param title the title, 1 to 128 characters
     * @return the broadcast, with its watch link
     */
    Broadcast startBroadcast(CallId call, String title);

    /**
     * Stops a call's broadcast (F-CALL-06). Organiser or call admins only.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#RECORDINGS}.
     *
     * @param call the call
     */
    void stopBroadcast(CallId call);
}
