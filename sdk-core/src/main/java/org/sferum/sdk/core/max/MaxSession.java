package org.sferum.sdk.core.max;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.batch.Batch;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.internal.SessionParts;
import org.sferum.sdk.notifications.Notifications;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;

/**
 * A bot's session over the MAX Bot API (F-EMB-08): {@link #me()} is {@code GET /me}; messages, chats and events
 * as {@link MaxMessages}, {@link MaxChats} and {@link MaxEvents} say; attachments, calls, contacts and
 * notifications are refused ({@link MaxRefusals}).
 */
public final class MaxSession extends SessionParts {
    private final MaxApi api;
    private final AccessToken token;
    private volatile Person me;

    /**
     * Creates the session of a bot token.
     *
     * @param api the wire
     * @param token the bot token
     * @return the session
     */
    public static MaxSession of(MaxApi api, AccessToken token) {
        MaxIds ids = new MaxIds();
        MaxDecoder decoder = new MaxDecoder(ids);
        Holder holder = new Holder();
        MaxSession session = new MaxSession(api, token, ids, decoder, holder);
        holder.session = session;
        return session;
    }

    private MaxSession(MaxApi api, AccessToken token, MaxIds ids, MaxDecoder decoder, Holder holder) {
        super(new MaxChats(api, token, ids), new MaxMessages(api, token, ids, decoder),
                MaxRefusals.part(Attachments.class), MaxRefusals.part(Calls.class), MaxRefusals.part(Contacts.class),
                MaxRefusals.part(Notifications.class),
                new MaxEvents(api, token, decoder, () -> holder.session.me().id()));
        this.api = api;
        this.token = token;
    }

    @Override
    public Person me() {
        Person known = me;
        if (known == null) {
            JsonNode answer = api.call(token, "GET", "/me", MaxApi.query(), null, Duration.ZERO);
            known = MaxDecoder.person(answer);
            me = known;
        }
        return known;
    }

    @Override
    public Batch batch() {
        throw MaxRefusals.refusal("SferumSession.batch");
    }

    @Override
    public String toString() {
        return "MaxSession[token redacted]";
    }

    /** Lets the events reach the session's {@code me()} once it exists. */
    private static final class Holder {
        private volatile MaxSession session;
    }
}
