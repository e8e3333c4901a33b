package org.sferum.sdk.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
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
    /** The largest page of {@code messages.search}, as the schema's {@code maximum}. */
    private static final int MAX_SEARCH_COUNT = 100;
    private static final String LATER = "the chats issue (F-MSG-09)";

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
        int randomId = draft.randomId().isPresent() ? draft.randomId().getAsInt() : newRandomId();
        VkRequest send = VkRequest.idempotent("messages.send")
                .param("peer_id", chat.peerId())
                .param("random_id", randomId)
                .param("message", draft.text());
        draft.replyTo().ifPresent(reply -> send.param("reply_to", reply.value()));
        if (!draft.forwarded().isEmpty()) {
            send.param("forward_messages", ids(draft.forwarded()));
        }
        if (!draft.attachments().isEmpty()) {
            send.param("attachment", org.sferum.sdk.core.attachments.WireAttachments.attachmentParam(
                    draft.attachments()));
        }
        VkResult sent = api.call(token, send);
        return readBack(sentId(sent));
    }

    /** Reads a message of the user back with {@code messages.getById}. */
    private Message readBack(long id) {
        VkResult read = api.call(token, VkRequest.idempotent("messages.getById").param("message_ids", id));
        for (JsonNode item : items(read)) {
            if (Json.longOr(item, "id", 0) == id) {
                return MessageDecoder.decode(item, read)
                        .orElseThrow(() -> read.malformed("holds the sent message " + id + " in a form this SDK"
                                + " cannot read"));
            }
        }
        throw read.malformed("does not hold the message " + id + " just sent or changed");
    }

    private static List<Long> ids(List<MessageId> messages) {
        List<Long> out = new ArrayList<>(messages.size());
        for (MessageId message : messages) {
            out.add(Checks.notNull(message, "message").value());
        }
        return out;
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

    /**
     * Edits with {@code messages.edit}, then reads the message back. Idempotent: the same text again changes
     * nothing, so the call is retried like a read. The text is checked as a text {@link Draft} before any request.
     */
    @Override
    public Message edit(ChatId chat, MessageId message, String newText) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        String text = Draft.text(newText).text();
        api.call(token, VkRequest.idempotent("messages.edit")
                .param("peer_id", chat.peerId())
                .param("message_id", message.value())
                .param("message", text));
        return readBack(message.value());
    }

    /** Deletes with {@code messages.delete}; idempotent, since deleting what is gone changes nothing. */
    @Override
    public void delete(ChatId chat, List<MessageId> messages, boolean forEveryone) {
        Checks.notNull(chat, "chat");
        Checks.notNull(messages, "messages");
        api.call(token, VkRequest.idempotent("messages.delete")
                .param("peer_id", chat.peerId())
                .param("message_ids", ids(messages))
                .param("delete_for_all", forEveryone));
    }

    /** Pins with {@code messages.pin}; idempotent. */
    @Override
    public void pin(ChatId chat, MessageId message) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        api.call(token, VkRequest.idempotent("messages.pin")
                .param("peer_id", chat.peerId())
                .param("message_id", message.value()));
    }

    /** Unpins with {@code messages.unpin}; idempotent. */
    @Override
    public void unpin(ChatId chat) {
        Checks.notNull(chat, "chat");
        api.call(token, VkRequest.idempotent("messages.unpin").param("peer_id", chat.peerId()));
    }

    /** Reads {@code chat_settings.pinned_message} of {@code messages.getConversationsById}. */
    @Override
    public Optional<Message> pinned(ChatId chat) {
        Checks.notNull(chat, "chat");
        VkResult result = api.call(token, VkRequest.idempotent("messages.getConversationsById")
                .param("peer_ids", chat.peerId()));
        for (JsonNode item : items(result)) {
            if (Json.longOr(item.path("peer"), "id", 0) == chat.peerId()) {
                JsonNode pinned = item.path("chat_settings").get("pinned_message");
                return pinned == null || !pinned.isObject() ? Optional.empty() : MessageDecoder.decode(pinned, result);
            }
        }
        throw result.malformed("does not hold the conversation asked for");
    }

    /** Marks with {@code messages.markAsImportant}; idempotent. */
    @Override
    public List<MessageId> markImportant(List<MessageId> messages, boolean important) {
        Checks.notNull(messages, "messages");
        VkResult result = api.call(token, VkRequest.idempotent("messages.markAsImportant")
                .param("message_ids", ids(messages))
                .param("important", important));
        JsonNode response = result.response();
        if (!response.isArray()) {
            throw result.malformed("is not a list of message ids");
        }
        List<MessageId> out = new ArrayList<>(response.size());
        for (JsonNode id : response) {
            long value = Json.asLong(id, 0);
            if (value > 0) {
                out.add(MessageId.of(value));
            }
        }
        return out;
    }

    /** Reports with the partner method {@code messages.report}; idempotent (one report per user and message). */
    @Override
    public void report(ChatId chat, MessageId message, ReportReason reason) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        Checks.notNull(reason, "reason");
        api.call(token, VkRequest.idempotent("messages.report")
                .param("peer_id", chat.peerId())
                .param("message_id", message.value())
                .param("reason", reason.name().toLowerCase(Locale.ROOT)));
    }

    /**
     * Searches with {@code messages.search}, newest first. The cursor is the offset of the next page; a next page
     * exists while the matches counted by the service go beyond this page.
     */
    @Override
    public Page<Message> search(ChatId chat, String query, PageRequest page) {
        Checks.notNull(chat, "chat");
        Checks.notNull(query, "search query");
        Checks.notNull(page, "page");
        Checks.require(page.size() <= MAX_SEARCH_COUNT, ErrorCode.INVALID_PAGE_REQUEST,
                "a search page holds at most " + MAX_SEARCH_COUNT + " messages, got " + page.size());
        String scope = chat.peerId() + ".q" + Integer.toHexString(query.hashCode());
        long offset = page.cursor().isPresent() ? Cursors.decode("o", scope, 0, page.cursor().get()) : 0;
        VkResult result = api.call(token, VkRequest.idempotent("messages.search")
                .param("peer_id", chat.peerId())
                .param("q", query)
                .param("offset", offset)
                .param("count", page.size()));
        JsonNode items = items(result);
        List<Message> messages = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            MessageDecoder.decode(item, result).ifPresent(messages::add);
        }
        OptionalLong total = total(result);
        long reached = offset + items.size();
        Optional<PageCursor> next = !items.isEmpty() && total.isPresent() && reached < total.getAsLong()
                ? Optional.of(Cursors.encode("o", scope, reached)) : Optional.empty();
        return new Page<>(messages, next, total);
    }

    /** Sets the phantom chat's time with the partner method {@code messages.setDisappearing}; idempotent. */
    @Override
    public void setDisappearing(ChatId chat, Optional<Duration> after) {
        Checks.notNull(chat, "chat");
        Checks.notNull(after, "after");
        Checks.require(after.isEmpty() || after.get().getSeconds() >= 1, ErrorCode.INVALID_ARGUMENT,
                "a phantom chat's messages live at least one second");
        api.call(token, VkRequest.idempotent("messages.setDisappearing")
                .param("peer_id", chat.peerId())
                .param("ttl", after.map(Duration::getSeconds).orElse(0L)));
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

}
