package org.sferum.sdk.testkit.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.users.UserId;

/**
 * Each user's notification settings for group and one-to-one chats (F-ACC-02). Called by {@link PlatformEngine}
 * under its lock only. A user who never changed them has everything on, with sound.
 */
final class NotificationPrefs {
    /** The settings of a user who never changed them. */
    static final NotificationSettings DEFAULT = new NotificationSettings(true, true, true);

    private final Map<UserId, NotificationSettings> byUser = new HashMap<>();

    NotificationSettings of(UserId user) {
        return byUser.getOrDefault(user, DEFAULT);
    }

    void set(UserId user, NotificationSettings settings) {
        byUser.put(user, Objects.requireNonNull(settings, "notification settings"));
    }
}
