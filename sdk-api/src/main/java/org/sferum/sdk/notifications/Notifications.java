package org.sferum.sdk.notifications;

/** The current user's notification settings (F-ACC-02). Per-chat muting is on {@code Chats.mute}. */
public interface Notifications {

    /**
     * Reads the settings.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#NOTIFICATIONS}.
     *
     * @return the settings
     */
    NotificationSettings get();

    /**
     * Replaces the settings.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#NOTIFICATIONS}.
     *
     * @param settings the new settings
     */
    void update(NotificationSettings settings);
}
