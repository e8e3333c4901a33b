package org.sferum.sdk.calls;

/**
 * Who gets into a call by its link (F-CALL-07).
 *
 * @param anonymousAllowed whether unregistered people (no educational profile) may join by the link; forbidden by
 *     default
 * @param waitingRoom whether people joining by the link wait until the organiser (or an admin) admits them; the
 *     members of the call's chat and the contacts invited (F-CALL-08) never wait
 */
public record CallSettings(boolean anonymousAllowed, boolean waitingRoom) {
    /** The default: anonymous participants forbidden, no waiting room. */
    public static final CallSettings DEFAULT = new CallSettings(false, false);

    /**
     * Returns these settings with anonymous participants allowed or forbidden.
     *
     * @param allowed whether anonymous participants may join
     * @return the new settings
     */
    public CallSettings withAnonymousAllowed(boolean allowed) {
        return new CallSettings(allowed, waitingRoom);
    }

    /**
     * Returns these settings with the waiting room on or off.
     *
     * @param on whether the waiting room is on
     * @return the new settings
     */
    public CallSettings withWaitingRoom(boolean on) {
        return new CallSettings(anonymousAllowed, on);
    }
}
