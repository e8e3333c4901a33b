package org.sferum.sdk.testkit.fake;

import java.util.function.Supplier;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.notifications.Notifications;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/** The fake's notification settings: the engine's settings of the acting user. */
final class FakeNotifications implements Notifications {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeNotifications(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public NotificationSettings get() {
        return engine.users().notificationSettings(actor.get());
    }

    @Override
    public void update(NotificationSettings settings) {
        engine.users().updateNotificationSettings(actor.get(), Checks.notNull(settings, "notification settings"));
    }
}
