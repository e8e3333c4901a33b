package org.sferum.sdk.internal;

import java.util.Objects;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.notifications.Notifications;

/**
 * A {@link SferumSession} whose sub-clients are made once, by the subclass, and handed out as they are: the part
 * that sdk-core's session and the testkit's fake session share. The subclass says who the user is
 * ({@link #me()}). Not part of the public API.
 */
public abstract class SessionParts implements SferumSession {
    private final Chats chats;
    private final Messages messages;
    private final Attachments attachments;
    private final Calls calls;
    private final Contacts contacts;
    private final Notifications notifications;
    private final Events events;

    /**
     * Keeps the sub-clients.
     *
     * @param chats the chats client
     * @param messages the messages client
     * @param attachments the attachments client
     * @param calls the calls client
     * @param contacts the contacts client
     * @param notifications the notifications client
     * @param events the events client
     */
    protected SessionParts(Chats chats, Messages messages, Attachments attachments, Calls calls, Contacts contacts,
            Notifications notifications, Events events) {
        this.chats = Objects.requireNonNull(chats, "chats");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public final Chats chats() {
        return chats;
    }

    @Override
    public final Messages messages() {
        return messages;
    }

    @Override
    public final Attachments attachments() {
        return attachments;
    }

    @Override
    public final Calls calls() {
        return calls;
    }

    @Override
    public final Contacts contacts() {
        return contacts;
    }

    @Override
    public final Notifications notifications() {
        return notifications;
    }

    @Override
    public final Events events() {
        return events;
    }
}
