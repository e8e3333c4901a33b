package org.sferum.sdk.core.session;

import org.sferum.sdk.core.wire.NotYet;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.notifications.Notifications;

/** {@link Notifications}, delivered by the chats issue; listed in {@code docs/status.md}. */
final class NotYetNotifications implements Notifications {
    static final Notifications INSTANCE = new NotYetNotifications();
    private static final String ISSUE = "the chats issue";

    private NotYetNotifications() {
    }

    @Override
    public NotificationSettings get() {
        throw NotYet.available("Notifications.get (F-ACC-02)", ISSUE);
    }

    @Override
    public void update(NotificationSettings settings) {
        throw NotYet.available("Notifications.update (F-ACC-02)", ISSUE);
    }
}
