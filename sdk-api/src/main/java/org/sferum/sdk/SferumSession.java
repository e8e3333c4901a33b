package org.sferum.sdk;

import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.notifications.Notifications;
import org.sferum.sdk.users.Person;

/**
 * Everything one user can do: the sub-clients act as that user. Obtained from {@link Sferum#session}. Thread-safe;
 * cheap to keep and to share.
 */
public interface SferumSession {

    /**
     * Returns the user this session acts as.
     *
     * @return the user's educational profile
     */
    Person me();

    /**
     * Chats of the user.
     *
     * @return the chats client
     */
    Chats chats();

    /**
     * Messages of the user's chats.
     *
     * @return the messages client
     */
    Messages messages();

    /**
     * Attachments.
     *
     * @return the attachments client
     */
    Attachments attachments();

    /**
     * Calls and online lessons.
     *
     * @return the calls client
     */
    Calls calls();

    /**
     * Contacts.
     *
     * @return the contacts client
     */
    Contacts contacts();

    /**
     * Notification settings.
     *
     * @return the notifications client
     */
    Notifications notifications();

    /**
     * Real-time events.
     *
     * @return the events client
     */
    Events events();
}
