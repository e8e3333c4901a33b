package org.sferum.sdk.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.Cursors;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.NotYet;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;

/**
 * {@link Messages} over the VK API: {@code messages.send} then {@code messages.getById}, {@code messages.getHistory}
 * and {@code messages.markAsRead}, as {@code docs/wire/vk-api.md} says.
 */
public final class WireMessages implements Messages {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LATER = "the chats issue";

    private final VkApi api;
    private final TokenSource token;
    private final PrivateReplies privateReplies;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     */
    public WireMessages(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
        this.privateReplies = new PrivateReplies(api, token);
    }

    /**
     * Sends with {@code messages.send}, keeping one {@code random_id} (the draft's, or a random non-zero one)
     * across the call's retries so a retried send never stores two messages, then reads the stored message back
     * with {@code messages.getById}.
     */
    @Override
    public Message send(ChatId chat, Draft draft) {
        Checks.notNull(chat, "chat");
        Checks.notNull(draft, "draft");
        if (!draft.forwarded().isEmpty()) {
            throw NotYet.available("Messages.send with forwarded messages (F-MSG-03)", LATER);
        }
        if (!draft.attachments().isEmpty()) {
            throw NotYet.available("Messages.send with attachments (F-ATT-01 … F-ATT-04)", "the attachments issue");
        }
        int randomId = draft.randomId().isPresent() ? draft.randomId().getAsInt() : newRandomId();
        VkRequest send = VkRequest.idempotent("messages.send")
                .param("peer_id", chat.peerId())
                .param("random_id", randomId)
                .param("message", draft.text());
        draft.replyTo().ifPresent(reply -> send.param("reply_to", reply.value()));
        VkResult sent = api.call(token, send);
        long id = sentId(sent);

        VkResult read = api.call(token, VkRequest.idempotent("messages.getById").param("message_ids", id));
        for (JsonNode item : items(read)) {
            if (Json.longOr(item, "id", 0) == id) {
                return MessageDecoder.decode(item, read)
                        .orElseThrow(() -> read.malformed("holds the sent message " + id + " in a form this SDK"
                                + " cannot read"));
            }
        }
        throw read.malformed("does not hold the message " + id + " just sent");
    }

    private static long sentId(VkResult sent) {
        JsonNode response = sent.response();
        long id = response.isObject() ? Json.longOr(response, "message_id", 0) : Json.asLong(response, 0);
        if (id <= 0) {
            throw sent.malformed("is not a message id");
        }
        return id;
    }

    private static int newRandomId() {
        int id;
        do {
            id = RANDOM.nextInt();
        } while (id == 0);
        return id;
    }

    /**
     * Reads a page with {@code messages.getHistory}. The cursor is the id of the page's last message; the next
     * page starts there with {@code offset=1}, so messages arriving meanwhile neither shift nor repeat pages. One
     * more message than the page holds is asked for, to know whether a next page exists.
     */
    @Override
    public Page<Message> history(ChatId chat, HistoryQuery query) {
        Checks.notNull(chat, "chat");
        Checks.notNull(query, "history query");
        boolean oldestFirst = query.order() == HistoryOrder.OLDEST_FIRST;
        String scope = chat.peerId() + (oldestFirst ? ".rev1" : ".rev0");
        PageRequest page = query.page();
        int size = page.size();
        int ask = Math.min(size + 1, PageRequest.MAX_SIZE);

        VkRequest request = VkRequest.idempotent("messages.getHistory")
                .param("peer_id", chat.peerId())
                .param("count", ask)
                .param("rev", oldestFirst);
        if (page.cursor().isPresent()) {
            long anchor = Cursors.decode("m", scope, 1, page.cursor().get());
            request.param("start_message_id", anchor).param("offset", 1);
        }
        VkResult result = api.call(token, request);
        JsonNode items = items(result);

        int kept = Math.min(size, items.size());
        List<Message> messages = new ArrayList<>(kept);
        long lastId = 0;
        for (int i = 0; i < kept; i++) {
            JsonNode item = items.get(i);
            MessageDecoder.decode(item, result).ifPresent(messages::add);
            lastId = Json.longOr(item, "id", 0);
        }
        boolean more = items.size() > size || (ask == size && items.size() == size);
        Optional<PageCursor> next = more && lastId > 0 ? Optional.of(Cursors.encode("m", scope, lastId))
                : Optional.empty();
        return new Page<>(messages, next, total(result));
    }

    /** Marks the chat read with {@code messages.markAsRead} up to the message. */
    @Override
    public void markRead(ChatId chat, MessageId upTo) {
        Checks.notNull(chat, "chat");
        Checks.notNull(upTo, "message");
        api.call(token, VkRequest.idempotent("messages.markAsRead")
                .param("peer_id", chat.peerId())
                .param("start_message_id", upTo.value()));
    }

    static JsonNode items(VkResult result) {
        JsonNode items = result.response().get("items");
        if (items == null || !items.isArray()) {
            throw result.malformed("has no items list");
        }
        return items;
    }

    static OptionalLong total(VkResult result) {
        long count = Json.longOr(result.response(), "count", -1);
        return count >= 0 ? OptionalLong.of(count) : OptionalLong.empty();
    }

    @Override
    public Message edit(ChatId chat, MessageId message, String newText) {
        throw NotYet.available("Messages.edit (F-MSG-07)", LATER);
    }

    @Override
    public void delete(ChatId chat, List<MessageId> messages, boolean forEveryone) {
        throw NotYet.available("Messages.delete (F-MSG-06, F-MSG-10)", LATER);
    }

    @Override
    public void pin(ChatId chat, MessageId message) {
        throw NotYet.available("Messages.pin (F-MSG-08)", LATER);
    }

    @Override
    public void unpin(ChatId chat) {
        throw NotYet.available("Messages.unpin (F-MSG-08)", LATER);
    }

    @Override
    public void markImportant(List<MessageId> messages, boolean important) {
        throw NotYet.available("Messages.markImportant (F-MSG-04)", LATER);
    }

    @Override
    public void report(ChatId chat, MessageId message, ReportReason reason) {
        throw NotYet.available("Messages.report (F-MSG-05)", LATER);
    }

    /**
     * Answers in the author's one-to-one chat: {@code messages.getById} for the author, {@code messages.send} with a
     * {@code forward} reply to the original, {@code messages.getById} for the answer (see {@code PrivateReplies}).
     * Retried as a send: its {@code random_id} is kept across retries.
     */
    @Override
    public Message replyPrivately(ChatId chat, MessageId message, Draft draft) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        Checks.notNull(draft, "draft");
        return privateReplies.send(chat, message, draft);
    }

    @Override
    public Page<Message> search(ChatId chat, String query, PageRequest page) {
        throw NotYet.available("Messages.search (F-CHAT-09)", LATER);
    }
}
