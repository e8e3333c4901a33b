package org.sferum.sdk.core.session;

import java.time.Clock;
import org.sferum.sdk.batch.Batch;
import java.util.Objects;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.core.account.WireContacts;
import org.sferum.sdk.core.account.WireAccount;
import org.sferum.sdk.core.account.WireNotifications;
import org.sferum.sdk.core.attachments.WireAttachments;
import org.sferum.sdk.core.calls.WireCalls;
import org.sferum.sdk.core.chats.WireChats;
import org.sferum.sdk.core.events.WireEvents;
import org.sferum.sdk.core.messages.WireMessages;
import org.sferum.sdk.core.users.WireUsers;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.internal.SessionParts;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;

/**
 * A {@link SferumSession} that acts as the user of one access token (fixed, or a linked account's current one),
 * over the VK API. The sub-clients are made
 * once and shared; the token is checked by the service on the first call.
 */
public final class WireSession extends SessionParts {
    private final WireUsers users;
    private final WireMessages wireMessages;
    private final WireAccount account;

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
        this(Objects.requireNonNull(api, "api"), Objects.requireNonNull(tokens, "tokens"), clock,
                new WireUsers(api, tokens));
    }

    private WireSession(VkApi api, TokenSource tokens, Clock clock, WireUsers users) {
        this(api, tokens, users, new WireMessages(api, tokens, () -> users.me().id(), clock), clock);
    }

    private WireSession(VkApi api, TokenSource tokens, WireUsers users, WireMessages messages, Clock clock) {
        super(new WireChats(api, tokens, users, clock), messages,
                new WireAttachments(api, tokens), new WireCalls(api, tokens), new WireContacts(api, tokens),
                new WireNotifications(api, tokens), new WireEvents(api, tokens, users::me));
        this.users = users;
        this.wireMessages = messages;
        this.account = new WireAccount(api, tokens);
    }

    /**
     * The account's help and feedback over the partner contract ({@code docs/wire/support.md}).
     *
     * @return the account client
     */
    @Override
    public org.sferum.sdk.account.Account account() {
        return account;
    }

    /**
     * Starts a batch sent through VK's {@code execute}: up to 25 calls a request ({@code docs/performance.md}).
     *
     * @return an empty batch
     */
    @Override
    public Batch batch() {
        return wireMessages.batch();
    }

    /** Reads the user with {@code users.get} on the first call and keeps it. */
    @Override
    public Person me() {
        return users.me();
    }

    @Override
    public String toString() {
        return "WireSession[token redacted]";
    }
}
