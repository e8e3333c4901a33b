package org.sferum.sdk.testkit.fake;

import java.util.function.Supplier;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.notifications.Notifications;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * A session of the fake: checks the token on every call, as the real service does. The token comes from a
 * supplier, so a linked account's session refreshes it as sdk-core does.
 */
final class FakeSession implements SferumSession {
    private final PlatformEngine engine;
    private final Supplier<AccessToken> token;
    private final Chats chats;
    private final Messages messages;
    private final Contacts contacts;
    private final Notifications notifications;
    private final Calls calls;
    private final Events events;
    private final Attachments attachments;

    FakeSession(PlatformEngine engine, Supplier<AccessToken> token) {
        this.engine = engine;
        this.token = token;
        this.chats = new FakeChats(engine, this::actor);
        this.messages = new FakeMessages(engine, this::actor);
        this.contacts = new FakeContacts(engine, this::actor);
        this.notifications = new FakeNotifications(engine, this::actor);
        this.calls = new FakeCalls(engine, this::actor);
        this.events = new FakeEvents(engine, this::actor);
        this.attachments = new FakeAttachments(engine, this::actor);
    }

    private UserId actor() {
        return engine.authenticate(token.get().secret());
    }

    @Override
    public Person me() {
        return engine.person(actor());
    }

    @Override
    public Chats chats() {
        return chats;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public Attachments attachments() {
        return attachments;
    }

    @Override
    public Calls calls() {
        return calls;
    }

    @Override
    public Contacts contacts() {
        return contacts;
    }

    @Override
    public Notifications notifications() {
        return notifications;
    }

    @Override
    public Events events() {
        return events;
    }
}
