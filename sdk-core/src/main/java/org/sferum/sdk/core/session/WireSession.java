package org.sferum.sdk.core.session;

import java.time.Clock;
import java.util.Objects;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.core.account.WireContacts;
import org.sferum.sdk.core.account.WireNotifications;
import org.sferum.sdk.core.calls.WireCalls;
import org.sferum.sdk.core.chats.WireChats;
import org.sferum.sdk.core.events.WireEvents;
import org.sferum.sdk.core.messages.WireMessages;
import org.sferum.sdk.core.users.WireUsers;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.notifications.Notifications;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;

/**
 * A {@link SferumSession} that acts as the user of one access token (fixed, or a linked account's current one),
 * over the VK API. The sub-clients are made
 * once and shared; the token is checked by the service on the first call.
 */
public final class WireSession implements SferumSession {
    private final WireUsers users;
    private final Chats chats;
    private final Messages messages;
    private final Contacts contacts;
    private final Calls calls;
    private final Notifications notifications;
    private final Events events;
    private final Attachments attachments;

    /**
     * Creates the session.
     *
     * @param api the caller
     * @param token the user's token
     * @param clock the client's clock
     */
    public WireSession(VkApi api, AccessToken token, Clock clock) {
        this(api, TokenSource.of(Objects.requireNonNull(token, "token")), clock);
    }

    /**
     * Creates a session whose calls take their token from a source, such as a linked account's tokens that are
     * refreshed as they expire.
     *
     * @param api the caller
     * @param tokens where each call's token comes from
     * @param clock the client's clock
     */
    public WireSession(VkApi api, TokenSource tokens, Clock clock) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(tokens, "tokens");
        this.users = new WireUsers(api, tokens);
        this.chats = new WireChats(api, tokens, users, clock);
        this.messages = new WireMessages(api, tokens, () -> users.me().id(), clock);
        this.contacts = new WireContacts(api, tokens);
        this.notifications = new WireNotifications(api, tokens);
        this.calls = new WireCalls(api, tokens);
        this.events = new WireEvents(api, tokens, users::me);
        this.attachments = new org.sferum.sdk.core.attachments.WireAttachments(api, tokens);
    }

    /** Reads the user with {@code users.get} on the first call and keeps it. */
    @Override
    public Person me() {
        return users.me();
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

    @Override
    public String toString() {
        return "WireSession[token redacted]";
    }
}
