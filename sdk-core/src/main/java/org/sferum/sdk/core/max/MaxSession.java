package org.sferum.sdk.core.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.batch.Batch;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.internal.SessionParts;
import org.sferum.sdk.notifications.Notifications;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;

/**
 * A bot's session over the MAX Bot API (F-EMB-08): {@link #me()} is {@code GET /me}; messages, chats and events
 * as {@link MaxMessages}, {@link MaxChats} and {@link MaxEvents} say, uploads as {@link MaxAttachments}; calls,
 * contacts and notifications are refused ({@link MaxRefusals}).
 */
public final class MaxSession extends SessionParts {
    private final MaxApi api;
    private final AccessToken token;
    private final MaxDecoder decoder;
    private final MaxMessages messages;
    private volatile Person me;

    /**
     * Creates the session of a bot token.
     *
     * @param api the wire
     * @param token the bot token
     * @return the session
     */
    public static MaxSession of(MaxApi api, AccessToken token) {
        MaxIds ids = api.ids();
        MaxDecoder decoder = new MaxDecoder(ids);
        Holder holder = new Holder();
        MaxSession session = new MaxSession(api, token, ids, decoder, holder);
        holder.session = session;
        return session;
    }

    private MaxSession(MaxApi api, AccessToken token, MaxIds ids, MaxDecoder decoder, Holder holder) {
        this(api, token, ids, decoder, holder, new MaxMessages(api, token, ids, decoder));
    }

    private MaxSession(MaxApi api, AccessToken token, MaxIds ids, MaxDecoder decoder, Holder holder,
                       MaxMessages messages) {
        super(new MaxChats(api, token, ids), messages,
                new MaxAttachments(api, token, ids, messages, () -> holder.session.me().id().value()),
                MaxRefusals.part(Calls.class), MaxRefusals.part(Contacts.class),
                MaxRefusals.part(Notifications.class),
                new MaxEvents(api, token, decoder, () -> holder.session.me().id()));
        this.api = api;
        this.token = token;
        this.decoder = decoder;
        this.messages = messages;
    }

    /**
     * Decodes one update as a webhook received it.
     *
     * @param body the update's JSON
     * @return the SDK's event, or empty for update types without one
     * @throws org.sferum.sdk.error.SferumException with {@code MALFORMED_RESPONSE} when it is not an update
     */
    public Optional<SferumEvent> decodeUpdate(byte[] body) {
        JsonNode update;
        try {
            update = Json.parse(body);
        } catch (java.io.IOException e) {
            throw MaxDecoder.malformed("a webhook request whose body is not JSON");
        }
        if (update == null || !update.path("update_type").isTextual()) {
            throw MaxDecoder.malformed("a webhook request without update_type");
        }
        return decoder.event(update, me().id());
    }

    /**
     * Subscribes a webhook ({@code POST /subscriptions}).
     *
     * @param url where MAX sends the updates
     * @param secret the secret MAX sends back in {@code X-Max-Bot-Api-Secret}
     * @param types the update types wanted; empty for all
     */
    public void subscribe(URI url, String secret, Set<String> types) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("url", url.toString()).put("secret", secret);
        if (!types.isEmpty()) {
            ArrayNode list = body.putArray("update_types");
            types.forEach(list::add);
        }
        api.call(token, "POST", "/subscriptions", MaxApi.query(), body, Duration.ZERO);
    }

    /**
     * Removes a webhook ({@code DELETE /subscriptions?url=}).
     *
     * @param url the subscribed URL
     */
    public void unsubscribe(URI url) {
        Map<String, String> query = MaxApi.query();
        query.put("url", url.toString());
        api.call(token, "DELETE", "/subscriptions", query, null, Duration.ZERO);
    }

    /**
     * The account's help and feedback: refused, since the MAX Bot API has no support or feedback methods; each
     * operation throws {@code UnsupportedCapabilityException} for {@code SUPPORT} before anything is sent.
     *
     * @return a refusing account client
     */
    @Override
    public org.sferum.sdk.account.Account account() {
        return MaxRefusals.part(org.sferum.sdk.account.Account.class);
    }

    /** The session's MAX messages, for {@link MaxLinkButtons}. */
    MaxMessages maxMessages() {
        return messages;
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
